package de.stadtlabore.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the audit log keeps what. */
@ConfigMapping(prefix = "stadtlabore.audit")
public interface AuditConfig {

    /**
     * After this, an entry loses the name and e-mail address of the person who acted; subject
     * and issuer (pseudonyms only the identity provider can resolve) stay.
     */
    @WithDefault("90D")
    Duration pseudonymiseAfter();

    /** After this, an entry is deleted. */
    @WithDefault("730D")
    Duration retention();

    /** How often the job that pseudonymises and deletes runs. */
    @WithDefault("1h")
    String jobInterval();
}
