package de.stadtlabore.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import de.stadtlabore.common.persistence.DatabaseGate;
import de.stadtlabore.common.security.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;

/**
 * Which identity providers the network trusts, and for which municipality: the providers that
 * network administrators registered (database) plus the network's own provider
 * (configuration). Cached in memory; a replica sees another replica's changes within the cache
 * TTL, and an unknown issuer triggers an immediate reload, so that a newly onboarded
 * municipality works at once.
 */
@ApplicationScoped
public class ProviderDirectory {

    private static final Duration MISS_RELOAD_INTERVAL = Duration.ofSeconds(2);

    /** A municipality reachable through a tenant. */
    public record Member(UUID municipalityId, String slug) {
    }

    /** One OIDC tenant: an issuer with how its tokens are checked, and whom it speaks for. */
    public record Tenant(String tenantId, String issuer, String authServerUrl, String audience, String rolesClaim,
            String municipalityClaim, boolean network, List<Member> members) {

        /**
         * How Quarkus checks a token signed with one of this provider's keys. The key is given,
         * not discovered: verifying a token never makes the service contact the provider.
         */
        OidcTenantConfig oidcConfig(ProviderKeys.Key key) {
            return OidcTenantConfig.builder()
                    .tenantId(tenantId + "-" + hash(key.encoded()).substring(0, 12))
                    .publicKey(key.encoded())
                    .applicationType(ApplicationType.SERVICE)
                    .token().issuer(issuer).audience(audience).allowJwtIntrospection(false).end()
                    .roles().roleClaimPath(rolesClaim).end()
                    .build();
        }

        ProviderKeys.Source keySource() {
            return new ProviderKeys.Source(issuer, authServerUrl);
        }
    }

    @Inject
    TrustedProviderRepository providers;

    @Inject
    IdentityConfig config;

    @Inject
    ProviderKeys keys;

    @Inject
    DatabaseGate databaseGate;

    private volatile Map<String, Tenant> byIssuer = Map.of();
    private volatile Map<String, Tenant> byTenantId = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;
    /** The OIDC configs of the current tenants, by key; replaced, and so bounded, with every load. */
    private volatile Map<Tenant, Map<ProviderKeys.Key, OidcTenantConfig>> oidcConfigs = Map.of();

    /** The tenant for a token's issuer, or null if nobody trusts that issuer. Blocking. */
    public Tenant forIssuer(String issuer) {
        refreshIfOlderThan(config.providerCacheTtl());
        Tenant tenant = byIssuer.get(issuer);
        if (tenant == null) {
            refreshIfOlderThan(MISS_RELOAD_INTERVAL);
            tenant = byIssuer.get(issuer);
        }
        return tenant;
    }

    /** The tenant a token was validated with (it was resolved moments before). */
    public Tenant forTenantId(String tenantId) {
        int keyTag = tenantId.lastIndexOf('-');
        return keyTag < 0 ? null : byTenantId.get(tenantId.substring(0, keyTag));
    }

    /** The key of a tenant's provider that a token names; never contacts the provider. */
    public ProviderKeys.Lookup key(Tenant tenant, String kid) {
        return keys.lookup(tenant.keySource(), kid);
    }

    /**
     * The tenant of an issuer as this replica knows it now, without reloading (and so without
     * blocking): null when the directory is due for a reload or does not know the issuer, which
     * {@link #forIssuer} then settles.
     */
    public Tenant forIssuerIfCurrent(String issuer) {
        return loadedAt.plus(config.providerCacheTtl()).isBefore(Instant.now()) ? null : byIssuer.get(issuer);
    }

    /** How Quarkus checks a token of the tenant signed with the key; built once per tenant and key. */
    public OidcTenantConfig oidcConfig(Tenant tenant, ProviderKeys.Key key) {
        Map<ProviderKeys.Key, OidcTenantConfig> byKey = oidcConfigs.get(tenant);
        if (byKey == null) {
            // A tenant of an earlier load: its config is built, but not kept.
            return tenant.oidcConfig(key);
        }
        return byKey.computeIfAbsent(key, tenant::oidcConfig);
    }

    /**
     * Makes this replica see provider changes as soon as they are committed, and fetches the
     * keys of new providers (in the request of the administrator who changed them).
     */
    void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProvidersChanged change) {
        reloadWithKeys();
    }

    void start(@Observes StartupEvent start) {
        if (config.awaitKeysAtStart()) {
            reloadWithKeys();
            return;
        }
        reload();
        // Off the start path: an unreachable provider must not delay the service for everyone.
        Thread first = new Thread(this::reloadWithKeys, "provider-keys-first");
        first.setDaemon(true);
        first.start();
    }

    /** Picks up other replicas' changes and fetches keys that are due; the only periodic contact with providers. */
    @Scheduled(every = "${stadtlabore.identity.key-check-interval:15s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reloadWithKeys() {
        reload();
        keys.refresh(byIssuer.values().stream().map(Tenant::keySource).toList());
    }

    /**
     * Whether the municipality trusts the issuer, as this replica last loaded the providers
     * (within the cache TTL). Never reloads: callers may hold a database connection already.
     */
    public boolean trusts(UUID municipality, String issuer) {
        Tenant tenant = byIssuer.get(issuer);
        return tenant != null && tenant.members().stream().anyMatch(m -> m.municipalityId().equals(municipality));
    }

    public boolean isNetworkIssuer(String issuer) {
        return config.networkIssuers().orElse(List.of()).contains(issuer);
    }

    private void refreshIfOlderThan(Duration age) {
        if (databaseGate.isOpen() && loadedAt != Instant.EPOCH) {
            // The database is unreachable: the providers as last loaded, rather than every token
            // request queueing here for a reload that cannot succeed.
            return;
        }
        if (loadedAt.plus(age).isBefore(Instant.now())) {
            synchronized (this) {
                // Another thread may have reloaded while this one waited.
                if (loadedAt.plus(age).isBefore(Instant.now())) {
                    reload();
                }
            }
        }
    }

    private synchronized void reload() {
        Instant started = Instant.now();
        Map<String, List<Object[]>> rowsByIssuer = new LinkedHashMap<>();
        List<Object[]> trusted;
        try {
            trusted = QuarkusTransaction.requiringNew().call(providers::allWithMunicipalitySlug);
        } catch (RuntimeException e) {
            databaseGate.failed(e);
            throw e;
        }
        for (Object[] row : trusted) {
            rowsByIssuer.computeIfAbsent(((TrustedProvider) row[0]).issuer, k -> new ArrayList<>()).add(row);
        }
        Map<String, Tenant> tenants = new LinkedHashMap<>();
        rowsByIssuer.forEach((issuer, rows) -> {
            TrustedProvider first = (TrustedProvider) rows.get(0)[0];
            List<Member> members = rows.stream()
                    .map(row -> new Member(((TrustedProvider) row[0]).municipalityId, (String) row[1]))
                    .toList();
            tenants.put(issuer, tenant(issuer, first.authServerUrl, first.audience, first.rolesClaim,
                    first.municipalityClaim, false, members));
        });
        for (String issuer : config.networkIssuers().orElse(List.of())) {
            tenants.put(issuer, tenant(issuer, null, config.networkAudience(), config.networkRolesClaim(), null, true,
                    List.of()));
        }
        Map<String, Tenant> ids = new LinkedHashMap<>();
        tenants.values().forEach(t -> ids.put(t.tenantId(), t));
        Map<Tenant, Map<ProviderKeys.Key, OidcTenantConfig>> configs = new HashMap<>();
        tenants.values().forEach(t -> configs.put(t, new ConcurrentHashMap<>()));
        byIssuer = Map.copyOf(tenants);
        byTenantId = Map.copyOf(ids);
        oidcConfigs = Map.copyOf(configs);
        loadedAt = started;
    }

    private static Tenant tenant(String issuer, String authServerUrl, String audience, String rolesClaim,
            String municipalityClaim, boolean network, List<Member> members) {
        String server = authServerUrl == null ? issuer : authServerUrl;
        // The id changes with the settings, so that Quarkus builds a fresh tenant context for them.
        String id = (network ? "network-" : "municipal-")
                + hash(issuer + '|' + server + '|' + audience + '|' + rolesClaim + '|' + municipalityClaim);
        return new Tenant(id, issuer, server, audience, rolesClaim, municipalityClaim, network, members);
    }

    private static String hash(String value) {
        return Secrets.sha256Hex(value).substring(0, 24);
    }
}
