package de.stadtlabore.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the first response to an idempotent request is kept for its retries. */
@ConfigMapping(prefix = "stadtlabore.idempotency")
public interface IdempotencyConfig {

    /** Keys and their responses are kept this long; a key used again afterwards starts afresh. */
    @WithDefault("PT24H")
    Duration retention();
}
