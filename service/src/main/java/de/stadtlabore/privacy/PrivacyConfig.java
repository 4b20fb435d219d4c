package de.stadtlabore.privacy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Citizens' requests for their data. */
@ConfigMapping(prefix = "stadtlabore.privacy")
public interface PrivacyConfig {

    /**
     * The link in the mail that answers a request; {id} and {token} are filled in. Point it at
     * your frontend, which shows the data and offers the erasure; put the secret in the fragment
     * ({@code #token=}), which browsers never send to a server.
     */
    @WithDefault("http://localhost:8080/privacy/requests/{id}#token={token}")
    String link();

    /** How long the link works; then the request, with the address it names, is deleted. */
    @WithDefault("24H")
    Duration linkValidity();

    /** How often expired requests are deleted. */
    @WithDefault("10m")
    String purgeInterval();
}
