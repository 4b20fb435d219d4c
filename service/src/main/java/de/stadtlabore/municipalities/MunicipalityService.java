package de.stadtlabore.municipalities;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.IdentityProviderService;
import de.stadtlabore.access.IdentityProviderView;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import io.quarkus.panache.common.Sort;

/** The member municipalities: the tenants of the network, each with the identity providers it trusts. */
@ApplicationScoped
public class MunicipalityService {

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    IdentityProviderService providers;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    @Transactional
    public Page<MunicipalityView> list(PageRequest page) {
        var query = municipalities.findAll(Sort.by("name").and("id"));
        return Page.of(query.page(page.page() - 1, page.size()).list(), page, query.count()).map(MunicipalityView::of);
    }

    @Transactional
    public MunicipalityView get(String slug) {
        return MunicipalityView.of(existing(slug));
    }

    /** A municipality by its slug, for other features (their entities refer to municipalities). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Municipality> find(String slug) {
        return municipalities.findBySlug(slug);
    }

    /** The slugs of some municipalities, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> slugs(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : municipalities.list("array_has(?1, id)", (Object) ids.toArray(UUID[]::new)).stream()
                .collect(Collectors.toMap(m -> m.id, m -> m.slug));
    }

    /**
     * Onboards a municipality with the identity providers it trusts. Their tokens are accepted
     * as soon as this commits — on this replica at once, on others within the cache TTL.
     */
    @Transactional
    public MunicipalityView create(MunicipalityInput input) {
        policy.require(caller.get(), Action.MUNICIPALITY_CREATE, null);
        providers.check(input.identityProviders(), null);
        if (municipalities.findBySlug(input.slug()).isPresent()) {
            throw new ApiException(ProblemType.CONFLICT, "detail.municipality-slug-taken", input.slug());
        }
        Municipality municipality = new Municipality();
        municipality.id = UUID.randomUUID();
        municipality.slug = input.slug();
        municipality.createdAt = Timestamps.now();
        apply(input, municipality);
        municipalities.persist(municipality);
        providers.replace(municipality.id, input.identityProviders());
        audit.record("municipality.create", "municipality", municipality.slug, municipality.id);
        return MunicipalityView.of(municipality);
    }

    @Transactional
    public MunicipalityView update(String slug, String ifMatch, MunicipalityInput input) {
        Municipality municipality = municipalities.holdBySlug(slug).orElseThrow(() -> notFound(slug));
        policy.require(caller.get(), Action.MUNICIPALITY_UPDATE, municipality.id);
        if (!slug.equals(input.slug())) {
            throw ApiException.invalid(List.of(new Violation("slug", "field.slug-immutable")));
        }
        providers.check(input.identityProviders(), municipality.id);
        tags.requireMatch(ifMatch, MunicipalityView.of(municipality));
        apply(input, municipality);
        providers.replace(municipality.id, input.identityProviders());
        audit.record("municipality.update", "municipality", municipality.slug, municipality.id);
        return MunicipalityView.of(municipality);
    }

    /** The providers a municipality trusts, for network admins and the municipality's own admins. */
    @Transactional
    public Page<IdentityProviderView> identityProviders(String slug) {
        Municipality municipality = existing(slug);
        policy.require(caller.get(), Action.IDENTITY_PROVIDERS_READ, municipality.id);
        List<IdentityProviderView> trusted = providers.of(municipality.id);
        return Page.of(trusted, new PageRequest(1, PageRequest.MAX_SIZE), trusted.size());
    }

    /**
     * The id of a municipality on which the caller may perform {@code action}: 401 or 403 before
     * 404, so that a caller who may not act learns nothing about whether another municipality
     * exists. For other features' operations under {@code /municipalities/{slug}/…}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID actingOn(String slug, Action action) {
        var c = caller.get();
        UUID municipality = municipalities.findBySlug(slug).map(m -> m.id).orElse(null);
        if (municipality == null || !policy.allows(c, action, municipality)) {
            policy.require(c, action, municipality == null ? c.municipalityId() : municipality);
            throw notFound(slug);
        }
        return municipality;
    }

    private Municipality existing(String slug) {
        return municipalities.findBySlug(slug).orElseThrow(() -> notFound(slug));
    }

    private static void apply(MunicipalityInput input, Municipality municipality) {
        municipality.name = input.name().strip();
        municipality.state = input.state().strip();
        municipality.website = input.website();
        municipality.updatedAt = Timestamps.now();
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("detail.municipality-not-found", slug);
    }
}
