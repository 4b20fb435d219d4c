package de.stadtlabore.municipalities;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.ProviderDirectory;
import de.stadtlabore.access.ProvidersChanged;
import de.stadtlabore.access.TrustedProvider;
import de.stadtlabore.access.TrustedProviderRepository;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class MunicipalityService {

    static final String DEFAULT_ROLES_CLAIM = "realm_access/roles";

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    TrustedProviderRepository providers;

    @Inject
    ProviderDirectory directory;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    @Inject
    Event<ProvidersChanged> providersChanged;

    @Transactional
    public Page<Municipality> list(PageRequest page) {
        var query = municipalities.findAll(Sort.by("name").and("id"));
        return Page.of(query.page(page.page() - 1, page.size()).list(), page, query.count());
    }

    @Transactional
    public Municipality get(String slug) {
        return municipalities.findBySlug(slug)
                .orElseThrow(() -> ApiException.notFound("detail.municipality-not-found", slug));
    }

    /**
     * Onboards a municipality with the identity providers it trusts. Their tokens are accepted
     * as soon as this commits — on this replica at once, on others within the cache TTL.
     */
    @Transactional
    public Municipality create(MunicipalityInput input) {
        policy.require(caller.get(), Action.MUNICIPALITY_CREATE, null);
        checkProviders(input.identityProviders(), null);
        if (municipalities.findBySlug(input.slug()).isPresent()) {
            throw new ApiException(ProblemType.CONFLICT, "detail.municipality-slug-taken", input.slug());
        }
        Municipality municipality = new Municipality();
        municipality.id = UUID.randomUUID();
        municipality.slug = input.slug();
        municipality.createdAt = Timestamps.now();
        apply(input, municipality);
        municipalities.persist(municipality);
        replaceProviders(municipality, input.identityProviders());
        audit.record("municipality.create", "municipality", municipality.slug, municipality.id);
        return municipality;
    }

    @Transactional
    public Municipality update(String slug, String ifMatch, MunicipalityInput input) {
        Municipality municipality = get(slug);
        policy.require(caller.get(), Action.MUNICIPALITY_UPDATE, municipality.id);
        if (!slug.equals(input.slug())) {
            throw ApiException.invalid(List.of(new Violation("slug", "field.slug-immutable")));
        }
        checkProviders(input.identityProviders(), municipality.id);
        tags.requireMatch(ifMatch, MunicipalityView.of(municipality));
        apply(input, municipality);
        replaceProviders(municipality, input.identityProviders());
        audit.record("municipality.update", "municipality", municipality.slug, municipality.id);
        return municipality;
    }

    /** The providers a municipality trusts, for network admins and the municipality's own admins. */
    @Transactional
    public List<TrustedProvider> identityProviders(String slug) {
        Municipality municipality = get(slug);
        policy.require(caller.get(), Action.IDENTITY_PROVIDERS_READ, municipality.id);
        return providers.forMunicipality(municipality.id);
    }

    private void apply(MunicipalityInput input, Municipality municipality) {
        municipality.name = input.name().strip();
        municipality.state = input.state().strip();
        municipality.website = input.website();
        municipality.updatedAt = Timestamps.now();
    }

    private void replaceProviders(Municipality municipality, List<IdentityProviderSettings> settings) {
        providers.delete("municipalityId", municipality.id);
        providers.flush();
        OffsetDateTime now = Timestamps.now();
        for (IdentityProviderSettings s : settings) {
            TrustedProvider provider = new TrustedProvider();
            provider.id = UUID.randomUUID();
            provider.municipalityId = municipality.id;
            provider.issuer = s.issuer();
            provider.authServerUrl = s.authServerUrl();
            provider.audience = s.audience();
            provider.municipalityClaim = s.municipalityClaim();
            provider.rolesClaim = s.rolesClaim() == null ? DEFAULT_ROLES_CLAIM : s.rolesClaim();
            provider.createdAt = now;
            provider.updatedAt = now;
            providers.persist(provider);
        }
        providersChanged.fire(new ProvidersChanged());
    }

    /**
     * An issuer may serve several municipalities only as a shared provider: every one of them
     * must name the municipality claim, and all must check its tokens the same way. The
     * network's own provider can never be a municipality's.
     */
    private void checkProviders(List<IdentityProviderSettings> settings, UUID self) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            IdentityProviderSettings s = settings.get(i);
            String field = "identityProviders[" + i + "]";
            if (directory.isNetworkIssuer(s.issuer())) {
                violations.add(new Violation(field + ".issuer", "field.network-issuer"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (settings.get(j).issuer().equals(s.issuer())) {
                    violations.add(new Violation(field + ".issuer", "field.duplicate-issuer"));
                }
            }
            for (TrustedProvider other : providers.withIssuer(s.issuer())) {
                if (other.municipalityId.equals(self)) {
                    continue;
                }
                boolean shareable = s.municipalityClaim() != null && other.municipalityClaim != null
                        && s.municipalityClaim().equals(other.municipalityClaim)
                        && s.audience().equals(other.audience)
                        && Objects.equals(s.authServerUrl(), other.authServerUrl)
                        && Objects.equals(s.rolesClaim() == null ? DEFAULT_ROLES_CLAIM : s.rolesClaim(), other.rolesClaim);
                if (!shareable) {
                    violations.add(new Violation(field + ".issuer", "field.issuer-taken"));
                    break;
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }
}
