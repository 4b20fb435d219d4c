package de.stadtlabore.common.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mail server's refusal reaches the logs without the recipient's address (issue 13). */
class MailerTest {

    @Test
    void addressesInAMailServersAnswerAreRemoved() {
        assertThat(Mailer.withoutAddresses("550 5.1.1 <erika.muster@example.org>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected");
        assertThat(Mailer.withoutAddresses("RCPT TO:kim+lab@stadt.example.de failed; from no-reply@example.org"))
                .doesNotContain("kim+lab").doesNotContain("stadt.example.de").doesNotContain("no-reply");
        assertThat(Mailer.withoutAddresses("Connection refused")).isEqualTo("Connection refused");
        assertThat(Mailer.withoutAddresses(null)).isEmpty();
    }
}
