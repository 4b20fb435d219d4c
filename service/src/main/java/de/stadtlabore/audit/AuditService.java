package de.stadtlabore.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.municipalities.MunicipalityService;
import io.quarkus.narayana.jta.QuarkusTransaction;

@ApplicationScoped
public class AuditService {

    /** Rows per transaction of the retention job. */
    static final int BATCH = 5_000;

    /** The actions of accesses to personal data, which data protection officers read. */
    static final String PRIVACY_ACTIONS = "privacy.";

    @Inject
    AuditRepository events;

    @Inject
    AuditConfig config;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    MunicipalityService municipalities;

    /**
     * Audit records the caller may read: a lab-admin (or a key with {@code audit:read}) those of
     * their municipality except accesses to personal data, a data protection officer exactly
     * those ({@code privacy.*}: what the other officers did, and citizens' own exports and
     * erasures), a network-admin all.
     *
     * @param target {@code <type>:<id>}, e.g. {@code lab:stadtlabor-soest}
     */
    @Transactional
    public Page<AuditEventView> list(String target, String actor, String from, String to, PageRequest page) {
        Caller c = caller.get();
        boolean officer = policy.allows(c, Action.PRIVACY_OFFICE, c.municipalityId());
        boolean officerOnly = officer && !c.isNetworkAdmin() && !policy.allows(c, Action.AUDIT_READ, c.municipalityId());
        UUID scope = officerOnly ? c.municipalityId() : policy.listingScope(c, Action.AUDIT_READ);
        List<Violation> violations = new ArrayList<>();
        String targetType = null;
        String targetId = null;
        if (target != null && !target.isBlank()) {
            int colon = target.indexOf(':');
            if (colon <= 0 || colon == target.length() - 1) {
                violations.add(new Violation("target", "field.target-format"));
            } else {
                targetType = target.substring(0, colon);
                targetId = target.substring(colon + 1);
            }
        }
        OffsetDateTime fromTime = Params.instant("from", from, false, violations);
        OffsetDateTime toTime = Params.instant("to", to, false, violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        // Accesses to personal data are the officers' (and the network admins') business: a lab admin
        // or a key could otherwise test guessed addresses against their hashes.
        boolean everything = c.isNetworkAdmin() || officer && !officerOnly;
        Page<AuditEvent> found = events.search(scope, everything ? null : PRIVACY_ACTIONS, officerOnly, targetType,
                targetId, Params.blankToNull(actor), fromTime, toTime, page);
        Map<UUID, String> slugs = municipalities.slugs(found.items().stream().map(e -> e.municipalityId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return found.map(e -> new AuditEventView(e.id, e.occurredAt,
                e.municipalityId == null ? null : slugs.get(e.municipalityId),
                new AuditEventView.Actor(e.actorType, e.actorSubject, e.actorIssuer, e.apiKeyId, e.actorName,
                        e.actorEmail), e.action,
                e.targetType + ":" + e.targetId, e.requestId));
    }

    /** Pseudonymises every entry older than the configured period, batch by batch; returns how many. */
    public int pseudonymiseOld() {
        OffsetDateTime before = Timestamps.now().minus(config.pseudonymiseAfter());
        return inBatches(() -> events.pseudonymise(before, Timestamps.now(), BATCH));
    }

    /** Deletes every entry older than the audit log's retention period, batch by batch; returns how many. */
    public int deleteExpired() {
        OffsetDateTime before = Timestamps.now().minus(config.retention());
        return inBatches(() -> events.deleteOlderThan(before, BATCH));
    }

    /** Runs {@code batch} in transactions of its own until one does less than a whole batch. */
    private static int inBatches(java.util.function.IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            total += done;
        } while (done == BATCH);
        return total;
    }
}
