package de.stadtlabore.common.http;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Forwarded client addresses are believed only from the deployment's own proxies. With address
 * forwarding on and no trusted proxies named, every client could choose its address (and its
 * throttling and rate limits) by sending {@code X-Forwarded-For}: the service refuses to start.
 */
@Singleton
public class TrustedProxies {

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trusted;

    void check(@Observes StartupEvent start) {
        if (forwarding && trusted.map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding is on, but"
                    + " quarkus.http.proxy.trusted-proxies names no proxy (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES):"
                    + " every client could choose its own address. Name the reverse proxies' addresses or CIDRs.");
        }
    }
}
