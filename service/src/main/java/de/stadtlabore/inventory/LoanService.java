package de.stadtlabore.inventory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import de.stadtlabore.common.http.Params;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.inventory.dto.BusyPeriod;
import de.stadtlabore.inventory.dto.LoanRequest;
import de.stadtlabore.inventory.dto.MaintenanceInput;
import de.stadtlabore.inventory.dto.ReturnReport;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Loans between labs and maintenance periods: requesting, deciding, handing over, returning,
 * cancelling. The database's exclusion constraint guarantees that no item is ever promised
 * twice; this service turns a clash into a 409 that names the conflicting periods and offers
 * free alternatives.
 */
@ApplicationScoped
public class LoanService {

    static final int ALTERNATIVES = 5;

    @Inject
    ReservationRepository reservations;

    @Inject
    ItemService itemService;

    @Inject
    ItemRepository items;

    @Inject
    LabRepository labs;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog audit;

    @Inject
    InventoryConfig config;

    /**
     * A lab asks for an item. Requests within the owner's municipality are approved at once;
     * others wait for the owner's decision and expire if it does not come in time.
     */
    @Transactional
    public Reservation request(LoanRequest input) {
        Caller caller = currentCaller.get();
        Item item = itemService.get(input.item());
        Lab borrower = labs.findBySlug(input.borrowerLab()).orElse(null);
        if (borrower == null) {
            throw ApiException.invalid(List.of(new Violation("borrowerLab", "field.unknown-lab")));
        }
        policy.require(caller, Action.LOAN_REQUEST, borrower.municipality.id);
        boolean ownMunicipality = borrower.municipality.id.equals(item.ownerMunicipalityId());
        if (!item.isNetworkShared() && !ownMunicipality) {
            throw ApiException.notFound("detail.item-not-found", item.id);
        }
        checkPeriod(input.startsAt(), input.endsAt(), item, true);
        requireAvailable(item);

        Reservation loan = new Reservation();
        loan.id = UUID.randomUUID();
        loan.item = item;
        loan.kind = Reservation.LOAN;
        loan.startsAt = utc(input.startsAt());
        loan.endsAt = utc(input.endsAt());
        loan.borrowerLab = borrower;
        loan.borrowerMunicipalityId = borrower.municipality.id;
        loan.requestedBy = caller.subject();
        loan.purpose = input.purpose().strip();
        loan.createdAt = Timestamps.now();
        loan.updatedAt = loan.createdAt;
        if (ownMunicipality) {
            loan.status = "approved";
            loan.decidedAt = loan.createdAt;
            loan.decidedBy = caller.subject();
        } else {
            loan.status = "requested";
            loan.decisionDueAt = loan.createdAt.plus(config.decisionTime());
        }
        book(loan);
        audit.record("loan.request", "reservation", loan.id.toString(), item.ownerMunicipalityId());
        if (!ownMunicipality) {
            audit.record("loan.request", "reservation", loan.id.toString(), loan.borrowerMunicipalityId);
        }
        return loan;
    }

    /** The owner keeps an item for maintenance; it blocks the item like a loan. */
    @Transactional
    public Reservation maintenance(UUID itemId, MaintenanceInput input) {
        Caller caller = currentCaller.get();
        Item item = itemService.get(itemId);
        policy.require(caller, Action.ITEM_MANAGE, item.ownerMunicipalityId());
        checkPeriod(input.startsAt(), input.endsAt(), item, false);
        Reservation block = new Reservation();
        block.id = UUID.randomUUID();
        block.item = item;
        block.kind = Reservation.MAINTENANCE;
        block.startsAt = utc(input.startsAt());
        block.endsAt = utc(input.endsAt());
        block.status = "scheduled";
        block.requestedBy = caller.subject();
        block.purpose = input.reason().strip();
        block.createdAt = Timestamps.now();
        block.updatedAt = block.createdAt;
        book(block);
        audit.record("maintenance.schedule", "reservation", block.id.toString(), item.ownerMunicipalityId());
        return block;
    }

    /** A loan or maintenance period; visible to the owner's and the borrower's municipality only. */
    @Transactional
    public Reservation get(UUID id) {
        Reservation r = reservations.findWithItem(id)
                .orElseThrow(() -> ApiException.notFound("detail.reservation-not-found", id));
        if (!policy.actsForAny(currentCaller.get(), Action.LOAN_READ, r.item.ownerMunicipalityId(),
                r.borrowerMunicipalityId) && !currentCaller.get().isNetworkAdmin()) {
            throw ApiException.notFound("detail.reservation-not-found", id);
        }
        return r;
    }

    @Transactional
    public Page<Reservation> list(String role, String status, String item, PageRequest page) {
        Caller caller = currentCaller.get();
        UUID scope = policy.listingScope(caller, Action.LOAN_READ);
        UUID itemId = item == null || item.isBlank() ? null : de.stadtlabore.common.http.Params.uuid("item", item);
        return reservations.forMunicipality(scope, Params.blankToNull(role), Params.blankToNull(status),
                itemId, page);
    }

    @Transactional
    public Reservation approve(UUID id) {
        Reservation r = decidable(id);
        transition(r, "requested", "approved");
        r.decidedAt = Timestamps.now();
        r.decidedBy = currentCaller.get().subject();
        return recorded(r, "loan.approve");
    }

    @Transactional
    public Reservation reject(UUID id, String reason) {
        Reservation r = decidable(id);
        transition(r, "requested", "rejected");
        r.decidedAt = Timestamps.now();
        r.decidedBy = currentCaller.get().subject();
        r.decisionReason = Params.blankToNull(reason);
        return recorded(r, "loan.reject");
    }

    @Transactional
    public Reservation handOver(UUID id) {
        Reservation r = decidable(id);
        if (r.item.status.equals("retired")) {
            throw new ApiException(ProblemType.CONFLICT, "detail.item-not-lendable", r.item.status);
        }
        transition(r, "approved", "handed-over");
        r.handedOverAt = Timestamps.now();
        return recorded(r, "loan.hand-over");
    }

    /** The item comes back with a condition report; a damage report sends it into maintenance. */
    @Transactional
    public Reservation returned(UUID id, ReturnReport report) {
        Reservation r = decidable(id);
        transition(r, "handed-over", "returned");
        r.returnedAt = Timestamps.now();
        r.returnCondition = report.condition();
        r.damageReport = Params.blankToNull(report.damageReport());
        r.overdue = false;
        r.item.condition = report.condition();
        if (r.damageReport != null) {
            r.item.status = "maintenance";
            r.item.updatedAt = Timestamps.now();
            audit.record("item.maintenance", "item", r.item.id.toString(), r.item.ownerMunicipalityId());
        }
        return recorded(r, "loan.return");
    }

    /**
     * Cancelled by the borrowing municipality (any time before hand-over), or by the owner with a
     * reason. Maintenance periods are cancelled by the owner.
     */
    @Transactional
    public Reservation cancel(UUID id, String reason) {
        Reservation r = get(id);
        Caller caller = currentCaller.get();
        boolean borrower = r.borrowerMunicipalityId != null
                && policy.allows(caller, Action.LOAN_REQUEST, r.borrowerMunicipalityId);
        boolean owner = policy.allows(caller, Action.LOAN_DECIDE, r.item.ownerMunicipalityId());
        if (!borrower && !owner) {
            throw new io.quarkus.security.ForbiddenException();
        }
        if (!borrower && Params.blankToNull(reason) == null) {
            throw ApiException.invalid(List.of(new Violation("reason", "field.reason-required")));
        }
        String from = Reservation.MAINTENANCE.equals(r.kind) ? "scheduled" : null;
        if (from == null) {
            if (!r.status.equals("requested") && !r.status.equals("approved")) {
                throw invalidTransition(r, "cancelled");
            }
            r.status = "cancelled";
        } else {
            transition(r, "scheduled", "cancelled");
        }
        r.cancelledAt = Timestamps.now();
        r.cancelledBy = caller.subject();
        r.cancelReason = Params.blankToNull(reason);
        return recorded(r, "loan.cancel");
    }

    /** Busy periods of an item within a window; details only for the owner and the borrower. */
    @Transactional
    public List<BusyPeriod> schedule(UUID itemId, OffsetDateTime from, OffsetDateTime to) {
        Item item = itemService.get(itemId);
        OffsetDateTime start = from == null ? Timestamps.now() : from;
        OffsetDateTime end = to == null ? start.plusDays(90) : to;
        List<Violation> violations = new ArrayList<>();
        if (!end.isAfter(start)) {
            violations.add(new Violation("to", "field.end-after-start"));
        } else if (Duration.between(start, end).toDays() > 366) {
            violations.add(new Violation("to", "field.window-too-long", 366));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        Caller caller = currentCaller.get();
        return reservations.blockingOverlaps(item.id, start, end).stream()
                .map(r -> InventoryMapper.busy(r, caller.isNetworkAdmin()
                        || policy.actsForAny(caller, Action.LOAN_READ, item.ownerMunicipalityId(), r.borrowerMunicipalityId)))
                .toList();
    }

    private Reservation decidable(UUID id) {
        Reservation r = get(id);
        policy.require(currentCaller.get(), Action.LOAN_DECIDE, r.item.ownerMunicipalityId());
        return r;
    }

    private Reservation recorded(Reservation r, String action) {
        r.updatedAt = Timestamps.now();
        audit.record(action, "reservation", r.id.toString(), r.item.ownerMunicipalityId());
        if (r.borrowerMunicipalityId != null && !r.borrowerMunicipalityId.equals(r.item.ownerMunicipalityId())) {
            audit.record(action, "reservation", r.id.toString(), r.borrowerMunicipalityId);
        }
        return r;
    }

    private static void transition(Reservation r, String from, String to) {
        if (!r.status.equals(from)) {
            throw invalidTransition(r, to);
        }
        r.status = to;
    }

    private static ApiException invalidTransition(Reservation r, String to) {
        return new ApiException(ProblemType.CONFLICT, "detail.invalid-transition", r.status, to);
    }

    private void requireAvailable(Item item) {
        if (!"available".equals(item.status)) {
            throw new ApiException(ProblemType.CONFLICT, "detail.item-not-lendable", item.status);
        }
    }

    private void checkPeriod(OffsetDateTime start, OffsetDateTime end, Item item, boolean loan) {
        List<Violation> violations = new ArrayList<>();
        OffsetDateTime now = Timestamps.now();
        if (!end.isAfter(start)) {
            violations.add(new Violation("endsAt", "field.end-after-start"));
        } else {
            if (start.isBefore(now.minusMinutes(1))) {
                violations.add(new Violation("startsAt", "field.not-in-past"));
            } else if (loan && start.isBefore(now.plusHours(item.minNoticeHours))) {
                violations.add(new Violation("startsAt", "field.min-notice", item.minNoticeHours));
            }
            if (loan && Duration.between(start, end).compareTo(Duration.ofDays(item.maxLoanDays)) > 0) {
                violations.add(new Violation("endsAt", "field.max-loan", item.maxLoanDays));
            }
            if (end.isAfter(now.plus(config.planningHorizon()))) {
                violations.add(new Violation("endsAt", "field.beyond-horizon", config.planningHorizon().toDays()));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }

    /**
     * Inserts the booking. A clash found up front or by the exclusion constraint (a concurrent
     * booking) becomes a 409 naming the conflicting periods and free alternatives.
     */
    private void book(Reservation r) {
        if (!reservations.blockingOverlaps(r.item.id, r.startsAt, r.endsAt).isEmpty()) {
            throw conflict(r);
        }
        try {
            reservations.persistAndFlush(r);
        } catch (PersistenceException e) {
            if (isOverlap(e)) {
                throw conflict(r);
            }
            throw e;
        }
    }

    /** Looks up what the booking clashes with, in a fresh transaction (the current one is lost). */
    private ApiException conflict(Reservation r) {
        Caller caller = currentCaller.get();
        Map<String, Object> details = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("conflicts", reservations.blockingOverlaps(r.item.id, r.startsAt, r.endsAt).stream()
                    .map(other -> InventoryMapper.busy(other, policy.actsForAny(caller, Action.LOAN_READ,
                            r.item.ownerMunicipalityId(), other.borrowerMunicipalityId)))
                    .toList());
            if (Reservation.LOAN.equals(r.kind)) {
                Lab near = r.borrowerLab;
                extensions.put("alternatives", items.free(policy.inventoryView(caller), r.item.category, null,
                        r.startsAt, r.endsAt, near.latitude, near.longitude, r.item.id,
                        new PageRequest(1, ALTERNATIVES)).items().stream()
                        .map(free -> new de.stadtlabore.inventory.dto.AvailableItem(InventoryMapper.item(free.item()),
                                free.item().condition, InventoryMapper.terms(free.item()), free.distanceKm()))
                        .toList());
            }
            return extensions;
        });
        return ApiException.withExtensions(ProblemType.CONFLICT, details, "detail.double-booking");
    }

    private static boolean isOverlap(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

}
