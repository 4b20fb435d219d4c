package de.stadtlabore.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Registration settings. */
@ConfigMapping(prefix = "stadtlabore.registration")
public interface RegistrationConfig {

    /** The link in confirmation mails; {id} and {token} are filled in. Point it at your frontend. */
    @WithDefault("http://localhost:8080/registrations/{id}?token={token}")
    String link();

    /** How long after an occurrence registrants' names and e-mail addresses are kept. */
    @WithDefault("30D")
    Duration retention();

    /**
     * A file with the consent texts (the shape of {@code consent/registration.json} in the
     * service), for a network with its own wording; without it the built-in texts apply.
     */
    Optional<Path> consentTexts();

    /** How often the job that erases them runs. */
    @WithDefault("1h")
    String retentionJobInterval();
}
