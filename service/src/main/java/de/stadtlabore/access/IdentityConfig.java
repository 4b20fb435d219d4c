package de.stadtlabore.access;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Identity and access settings. */
@ConfigMapping(prefix = "stadtlabore.identity")
public interface IdentityConfig {

    /** Issuers of the network's own identity provider: the only source of the network-admin role. */
    Optional<List<String>> networkIssuers();

    /** The audience that tokens of the network's provider must carry. */
    @WithDefault("stadtlabore-api")
    String networkAudience();

    /** Where the network provider's tokens carry roles. */
    @WithDefault("realm_access/roles")
    String networkRolesClaim();

    /** How long provider settings are cached before other replicas' changes are picked up. */
    @WithDefault("30S")
    Duration providerCacheTtl();

    /** Failed API-key attempts from one client address before it is throttled. */
    @WithDefault("10")
    int apiKeyMaxFailures();

    /** The window in which failed attempts are counted, and how long a throttled client waits. */
    @WithDefault("5M")
    Duration apiKeyFailureWindow();
}
