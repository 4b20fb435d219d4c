package de.stadtlabore.labs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.labs.dto.LabInput;
import de.stadtlabore.labs.dto.LabView;
import de.stadtlabore.labs.dto.OpeningInterval;
import de.stadtlabore.municipalities.Municipality;
import de.stadtlabore.municipalities.MunicipalityService;

@ApplicationScoped
public class LabService {

    static final int MAX_FILTER_LENGTH = 200;

    @Inject
    LabRepository labs;

    @Inject
    MunicipalityService municipalities;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<LabView> list(String municipality, String topic, String text, PageRequest page) {
        List<Violation> violations = new ArrayList<>();
        LabFilter filter = new LabFilter(
                trimmed("municipality", municipality, violations),
                trimmed("topic", topic, violations),
                trimmed("q", text, violations));
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return labs.search(filter, page).map(LabMapper::view);
    }

    /**
     * A lab named in a request body by its slug, for other features' writes (their entities refer
     * to labs); an unknown slug is invalid input for that field (400), not a missing resource.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lab existing(String field, String slug) {
        return labs.findWithMunicipality(slug)
                .orElseThrow(() -> ApiException.invalid(List.of(new Violation(field, "field.unknown-lab"))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LabView get(String slug) {
        return LabMapper.view(labs.findBySlug(slug).orElseThrow(() -> notFound(slug)));
    }

    /** A lab by its slug, for other features' writes and searches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Lab> find(String slug) {
        return labs.findBySlug(slug);
    }

    /** The first lab of a municipality (by name), for other features: where its people are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Lab> firstOf(UUID municipality) {
        return labs.firstOf(municipality);
    }

    /** Adds a lab; only network administrators may. */
    @Transactional
    public LabView create(LabInput input) {
        Municipality municipality = validate(input);
        policy.require(caller.get(), Action.LAB_CREATE, municipality.id);
        if (labs.existsBySlug(input.slug())) {
            throw new ApiException(ProblemType.CONFLICT, "detail.lab-slug-taken", input.slug());
        }
        Lab lab = new Lab();
        lab.id = UUID.randomUUID();
        lab.slug = input.slug();
        lab.createdAt = Timestamps.now();
        apply(input, municipality, lab);
        labs.persist(lab);
        audit.record("lab.create", "lab", lab.slug, municipality.id);
        return LabMapper.view(lab);
    }

    /**
     * Replaces a lab's description, given the ETag of the version the caller has seen. Admins of
     * the owning municipality (and its API keys with labs:write) may; moving a lab to another
     * municipality is for network administrators only.
     */
    @Transactional
    public LabView update(String slug, String ifMatch, LabInput input) {
        Lab lab = labs.holdBySlug(slug).orElseThrow(() -> notFound(slug));
        policy.require(caller.get(), Action.LAB_UPDATE, lab.municipality.id);
        if (!slug.equals(input.slug())) {
            throw ApiException.invalid(List.of(new Violation("slug", "field.slug-immutable")));
        }
        Municipality municipality = validate(input);
        if (!municipality.id.equals(lab.municipality.id)) {
            policy.require(caller.get(), Action.LAB_MOVE_TO_OTHER_MUNICIPALITY, municipality.id);
        }
        tags.requireMatch(ifMatch, LabMapper.view(lab));
        apply(input, municipality, lab);
        audit.record("lab.update", "lab", lab.slug, lab.municipality.id);
        return LabMapper.view(lab);
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("detail.lab-not-found", slug);
    }

    private Municipality validate(LabInput input) {
        List<Violation> violations = new ArrayList<>();
        Municipality municipality = municipalities.find(input.municipality()).orElse(null);
        if (municipality == null) {
            violations.add(new Violation("municipality", "field.unknown-municipality"));
        }
        checkOpeningHours(input, violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return municipality;
    }

    private static void apply(LabInput input, Municipality municipality, Lab lab) {
        lab.municipality = municipality;
        lab.name = input.name().strip();
        lab.description = input.description().strip();
        lab.street = input.address().street().strip();
        lab.postalCode = input.address().postalCode();
        lab.city = input.address().city().strip();
        lab.latitude = input.coordinates().latitude();
        lab.longitude = input.coordinates().longitude();
        lab.email = input.contact() == null ? null : input.contact().email();
        lab.phone = input.contact() == null ? null : input.contact().phone();
        lab.website = input.contact() == null ? null : input.contact().website();
        lab.topics = input.topics() == null ? new ArrayList<>()
                : new ArrayList<>(input.topics().stream().map(String::strip).distinct().toList());
        lab.stepFreeAccess = input.accessibility().stepFreeAccess();
        lab.hearingLoop = input.accessibility().hearingLoop();
        lab.accessibleToilet = input.accessibility().accessibleToilet();
        lab.accessibilityNotes = input.accessibility().notes();
        lab.openingHours.clear();
        if (input.openingHours() != null) {
            input.openingHours().regular().stream()
                    .map(i -> new OpeningHours(i.weekday().toDayOfWeek(), i.opens(), i.closes()))
                    .sorted(Comparator.comparing((OpeningHours h) -> h.weekday).thenComparing(h -> h.opens))
                    .forEach(lab.openingHours::add);
        }
        lab.openingHoursNotes = input.openingHours() == null ? null : input.openingHours().notes();
        lab.updatedAt = Timestamps.now();
    }

    private static void checkOpeningHours(LabInput input, List<Violation> violations) {
        if (input.openingHours() == null) {
            return;
        }
        List<OpeningInterval> regular = input.openingHours().regular();
        for (int i = 0; i < regular.size(); i++) {
            OpeningInterval interval = regular.get(i);
            if (!interval.opens().isBefore(interval.closes())) {
                violations.add(new Violation("openingHours.regular[" + i + "].closes", "field.closes-after-opens"));
            }
            for (int j = 0; j < i; j++) {
                OpeningInterval other = regular.get(j);
                if (other.weekday() == interval.weekday() && other.opens().isBefore(interval.closes())
                        && interval.opens().isBefore(other.closes())) {
                    violations.add(new Violation("openingHours.regular[" + i + "]", "field.overlapping-hours"));
                }
            }
        }
    }

    private static String trimmed(String name, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            violations.add(new Violation(name, "field.too-long", MAX_FILTER_LENGTH));
        }
        return value.strip();
    }
}
