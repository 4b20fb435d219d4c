package de.stadtlabore.common.mail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

/**
 * Sends plain-text mails over SMTP (Vert.x mail client), or — with {@code stadtlabore.mail.mock}
 * in dev mode and tests — keeps them in an in-memory mailbox and logs them.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class);
    /** An e-mail address within a mail server's message. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A mail as sent (or kept). */
    public record SentMail(String to, String subject, String text) {
    }

    @Inject
    Vertx vertx;

    @Inject
    MailConfig config;

    private final List<SentMail> mailbox = new CopyOnWriteArrayList<>();
    private volatile MailClient client;

    /** Blocking: call from a worker thread. */
    public void send(String to, String subject, String text) {
        if (config.mock()) {
            mailbox.add(new SentMail(to, subject, text));
            LOG.infof("Mail to %s (dev mailbox, not sent): %s%n%s", to, subject, text);
            return;
        }
        MailMessage message = new MailMessage().setFrom(config.from()).setTo(to).setSubject(subject).setText(text);
        try {
            client().sendMail(message).toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // Without the cause: a mail server's refusal names the recipient ("550 <someone@…>:
            // recipient rejected"), and no address may reach the logs.
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Could not send mail: " + cause.getClass().getSimpleName() + ": "
                    + withoutAddresses(cause.getMessage()));
        }
    }

    /** The text with every e-mail address replaced by {@code <address>}. */
    static String withoutAddresses(String text) {
        return text == null ? "" : ADDRESS.matcher(text).replaceAll("<address>");
    }

    /** Mails kept for an address (mock mode). */
    public List<SentMail> sentTo(String to) {
        return mailbox.stream().filter(m -> m.to().equalsIgnoreCase(to)).toList();
    }

    public void clear() {
        mailbox.clear();
    }

    private MailClient client() {
        MailClient result = client;
        if (result == null) {
            synchronized (this) {
                if (client == null) {
                    var options = new io.vertx.ext.mail.MailConfig()
                            .setHostname(config.host())
                            .setPort(config.port())
                            .setSsl(config.ssl())
                            .setStarttls(StartTLSOptions.valueOf(config.startTls()));
                    config.username().ifPresent(options::setUsername);
                    config.password().ifPresent(options::setPassword);
                    options.setLogin(config.username().isPresent() ? LoginOption.REQUIRED : LoginOption.DISABLED);
                    client = MailClient.create(vertx, options);
                }
                result = client;
            }
        }
        return result;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
