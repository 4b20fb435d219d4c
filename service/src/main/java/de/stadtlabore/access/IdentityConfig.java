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

    /** Which provider URLs the service may contact (issuers, discovery documents, key sets). */
    ProviderUrls providerUrls();

    /** How often the signing keys of every trusted provider are fetched again. */
    @WithDefault("5M")
    Duration keyRefresh();

    /**
     * The shortest time between two fetches of a provider's keys when tokens name a key it did
     * not have (a key rotation, or a forged token).
     */
    @WithDefault("60S")
    Duration keyRecheckMin();

    /**
     * Whether start-up waits for the first fetch of every provider's keys (at most 8 s). By
     * default it does not: the service is ready at once, and tokens of a provider whose keys are
     * still on their way answer 503 with {@code Retry-After} for that moment. The tests wait.
     */
    @WithDefault("false")
    boolean awaitKeysAtStart();

    /** The longest wait between attempts to reach a provider that failed (doubling from 15 s). */
    @WithDefault("30M")
    Duration keyRetryMax();

    /** How far in the future a token's {@code iat} may lie (clock skew between servers). */
    @WithDefault("60S")
    Duration clockSkew();

    /** Which provider URLs the service may contact. */
    interface ProviderUrls {

        /** Whether plain {@code http} is allowed (dev mode and tests only). */
        @WithDefault("false")
        boolean allowHttp();

        /** Whether loopback addresses are allowed (dev mode and tests only). */
        @WithDefault("false")
        boolean allowLoopback();

        /**
         * Whether private, link-local and shared addresses are allowed: for a provider inside the
         * city's own network.
         */
        @WithDefault("false")
        boolean allowPrivateNetworks();
    }
}
