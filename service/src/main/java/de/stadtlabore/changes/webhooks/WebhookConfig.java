package de.stadtlabore.changes.webhooks;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery: where receivers may be, how long to wait for them, and when to try again. */
@ConfigMapping(prefix = "stadtlabore.webhooks")
public interface WebhookConfig {

    /** Plain {@code http} receivers (dev mode and tests only). */
    @WithDefault("false")
    boolean allowHttp();

    /** Receivers on loopback addresses (dev mode and tests only). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Receivers in private networks (a city's own systems inside its data centre). */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /**
     * Waits between attempts after a failed one: the Standard Webhooks schedule, about a day in
     * all. After the last, the delivery has failed and its endpoint is disabled.
     */
    @WithDefault("5S,5M,30M,2H,5H,10H,10H")
    List<Duration> retrySchedule();

    /** How long a receiver may take to answer. */
    @WithDefault("10S")
    Duration timeout();

    /** Deliveries sent at once by each replica. */
    @WithDefault("4")
    int senders();

    /**
     * How often each replica looks for changes to fan out and deliveries that are due; a commit
     * on the replica wakes it at once.
     */
    @WithDefault("2S")
    Duration pollInterval();

    /** Whether this replica sequences changes and delivers webhooks at all. */
    @WithDefault("true")
    boolean enabled();
}
