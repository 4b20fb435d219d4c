package de.stadtlabore.changes;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the change feed keeps changes. */
@ConfigMapping(prefix = "stadtlabore.changes")
public interface ChangeConfig {

    /**
     * Changes older than this are pruned (with their finished webhook deliveries); a reader
     * whose cursor lies before the pruned ones gets 410 and starts afresh.
     */
    @WithDefault("90D")
    Duration retention();
}
