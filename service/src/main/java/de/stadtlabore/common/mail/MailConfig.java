package de.stadtlabore.common.mail;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Outgoing mail (SMTP). Dev mode and tests keep mails in an in-memory mailbox instead. */
@ConfigMapping(prefix = "stadtlabore.mail")
public interface MailConfig {

    /** Keep mails in memory (and log them) instead of sending them. */
    @WithDefault("false")
    boolean mock();

    /** Sender address. */
    @WithDefault("Stadtlabore <no-reply@stadtlabore.example.org>")
    String from();

    /** SMTP host. */
    @WithDefault("localhost")
    String host();

    /** SMTP port. */
    @WithDefault("587")
    int port();

    /** STARTTLS: DISABLED, OPTIONAL or REQUIRED. */
    @WithDefault("REQUIRED")
    String startTls();

    /** Implicit TLS (SMTPS, usually port 465). */
    @WithDefault("false")
    boolean ssl();

    /** SMTP user. */
    Optional<String> username();

    /** SMTP password. */
    Optional<String> password();
}
