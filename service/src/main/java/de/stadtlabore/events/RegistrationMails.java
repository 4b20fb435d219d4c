package de.stadtlabore.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import de.stadtlabore.common.mail.Mailer;

/** Sends registration mails once the registration is committed, never for a rolled-back one. */
@ApplicationScoped
public class RegistrationMails {

    private static final Logger LOG = Logger.getLogger(RegistrationMails.class);

    /** A mail to a registrant. */
    public record Message(String to, String subject, String text) {
    }

    @Inject
    Mailer mailer;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Message message) {
        try {
            mailer.send(message.to(), message.subject(), message.text());
        } catch (RuntimeException e) {
            // The registration stands; the registrant can still look it up with the link.
            LOG.warnf("Could not send the registration mail '%s': %s", message.subject(), e.getMessage());
        }
    }
}
