package de.stadtlabore.inventory;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lending settings. */
@ConfigMapping(prefix = "stadtlabore.inventory")
public interface InventoryConfig {

    /** How long the owning lab has to decide on a request from another municipality before it expires. */
    @WithDefault("72H")
    Duration decisionTime();

    /** How far ahead loans and maintenance may be planned. */
    @WithDefault("730D")
    Duration planningHorizon();

    /** How often the jobs that expire undecided requests and flag overdue loans run. */
    @WithDefault("1m")
    String jobInterval();
}
