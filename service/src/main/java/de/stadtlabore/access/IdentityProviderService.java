package de.stadtlabore.access;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;

/**
 * The identity providers each municipality trusts. Municipalities register theirs when they are
 * onboarded or updated; the directory of OIDC tenants picks up a change as soon as it commits.
 */
@ApplicationScoped
public class IdentityProviderService {

    static final String DEFAULT_ROLES_CLAIM = "realm_access/roles";

    @Inject
    TrustedProviderRepository providers;

    @Inject
    ProviderDirectory directory;

    @Inject
    Event<ProvidersChanged> providersChanged;

    @Inject
    ProviderUrlPolicy urls;

    /** Whether the municipality trusts the issuer today (providers can be replaced or removed). */
    public boolean trusts(UUID municipality, String issuer) {
        return directory.trusts(municipality, issuer);
    }

    /** The providers a municipality trusts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IdentityProviderView> of(UUID municipality) {
        return providers.forMunicipality(municipality).stream().map(IdentityProviderView::of).toList();
    }

    /**
     * An issuer may serve several municipalities only as a shared provider: every one of them
     * must name the municipality claim, and all must check its tokens the same way. The
     * network's own provider can never be a municipality's.
     *
     * @param self the municipality the settings are for; null for a new one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(List<IdentityProviderSettings> settings, UUID self) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            IdentityProviderSettings s = settings.get(i);
            String field = "identityProviders[" + i + "].issuer";
            if (directory.isNetworkIssuer(s.issuer())) {
                violations.add(new Violation(field, "field.network-issuer"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (settings.get(j).issuer().equals(s.issuer())) {
                    violations.add(new Violation(field, "field.duplicate-issuer"));
                }
            }
            String issuerRefusal = urls.refusal(s.issuer());
            if (issuerRefusal != null) {
                violations.add(new Violation(field, issuerRefusal));
            }
            String serverRefusal = s.authServerUrl() == null ? null : urls.refusal(s.authServerUrl());
            if (serverRefusal != null) {
                violations.add(new Violation("identityProviders[" + i + "].authServerUrl", serverRefusal));
            }
            if (providers.withIssuer(s.issuer()).stream()
                    .anyMatch(other -> !other.municipalityId.equals(self) && !shareable(s, other))) {
                violations.add(new Violation(field, "field.issuer-taken"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }

    /** Replaces a municipality's providers; their tokens are accepted once this commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replace(UUID municipality, List<IdentityProviderSettings> settings) {
        providers.delete("municipalityId", municipality);
        providers.flush();
        OffsetDateTime now = Timestamps.now();
        for (IdentityProviderSettings s : settings) {
            TrustedProvider provider = new TrustedProvider();
            provider.id = UUID.randomUUID();
            provider.municipalityId = municipality;
            provider.issuer = s.issuer();
            provider.authServerUrl = s.authServerUrl();
            provider.audience = s.audience();
            provider.municipalityClaim = s.municipalityClaim();
            provider.rolesClaim = rolesClaim(s);
            provider.createdAt = now;
            provider.updatedAt = now;
            providers.persist(provider);
        }
        providersChanged.fire(new ProvidersChanged());
    }

    private static boolean shareable(IdentityProviderSettings s, TrustedProvider other) {
        return s.municipalityClaim() != null && other.municipalityClaim != null
                && s.municipalityClaim().equals(other.municipalityClaim)
                && s.audience().equals(other.audience)
                && Objects.equals(s.authServerUrl(), other.authServerUrl)
                && rolesClaim(s).equals(other.rolesClaim);
    }

    private static String rolesClaim(IdentityProviderSettings s) {
        return s.rolesClaim() == null ? DEFAULT_ROLES_CLAIM : s.rolesClaim();
    }
}
