package de.stadtlabore.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import de.stadtlabore.common.mail.Mailer;

/**
 * Sends the link of a request for one's data once the request is committed, off the request's
 * thread: the answer to the citizen must not take longer when the address is known (and a mail
 * goes out) than when it is not.
 */
@ApplicationScoped
public class PrivacyMails {

    private static final Logger LOG = Logger.getLogger(PrivacyMails.class);

    /** The mail with the link. */
    public record Message(String to, String subject, String text) {
    }

    @Inject
    Mailer mailer;

    @Inject
    ManagedExecutor executor;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Message message) {
        executor.execute(() -> {
            try {
                mailer.send(message.to(), message.subject(), message.text());
            } catch (RuntimeException e) {
                // The citizen can ask again; the address is not logged.
                LOG.warnf("Could not send the mail answering a request for one's data: %s", e.getClass().getSimpleName());
            }
        });
    }
}
