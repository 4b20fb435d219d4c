package de.stadtlabore.inventory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import de.stadtlabore.changes.ChangeType;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.http.Params;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.SqlStates;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.inventory.dto.BusyPeriod;
import de.stadtlabore.inventory.dto.LoanRequest;
import de.stadtlabore.inventory.dto.MaintenanceInput;
import de.stadtlabore.inventory.dto.ReservationView;
import de.stadtlabore.inventory.dto.ReturnReport;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;

/**
 * Loans between labs and maintenance periods: requesting, deciding, handing over, returning,
 * cancelling. The database's exclusion constraint guarantees that no item is ever promised
 * twice; this service turns a clash into a 409 that names the conflicting periods and offers
 * free alternatives. Decisions on one reservation are serialised by a row lock.
 */
@ApplicationScoped
public class LoanService {

    static final int ALTERNATIVES = 5;

    @Inject
    InventoryChanges inventoryChanges;

    @Inject
    ReservationRepository reservations;

    @Inject
    ItemService itemService;

    @Inject
    ItemRepository items;

    @Inject
    LabService labs;

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
    public ReservationView request(LoanRequest input) {
        Caller caller = currentCaller.get();
        Item item = itemService.forBooking(input.item());
        Lab borrower = labs.existing("borrowerLab", input.borrowerLab());
        policy.require(caller, Action.LOAN_REQUEST, borrower.municipality.id);
        boolean ownMunicipality = borrower.municipality.id.equals(item.ownerMunicipalityId());
        if (!item.isNetworkShared() && !ownMunicipality) {
            throw ApiException.notFound("detail.item-not-found", item.id);
        }
        checkPeriod(input.startsAt(), input.endsAt(), item, true);
        if (item.status != ItemStatus.AVAILABLE) {
            throw new ApiException(ProblemType.CONFLICT, "detail.item-not-lendable", item.status.wireName());
        }
        Reservation loan = reservation(item, ReservationKind.LOAN, input.startsAt(), input.endsAt(), input.purpose());
        loan.borrowerLab = borrower;
        loan.borrowerMunicipalityId = borrower.municipality.id;
        if (ownMunicipality) {
            loan.status = ReservationStatus.APPROVED;
            loan.decidedAt = loan.createdAt;
            loan.decidedBy = caller.subject();
        } else {
            loan.status = ReservationStatus.REQUESTED;
            loan.decisionDueAt = loan.createdAt.plus(config.decisionTime());
        }
        book(loan);
        return recorded(loan, "loan.request");
    }

    /** The owner keeps an item for maintenance; it blocks the item like a loan. */
    @Transactional
    public ReservationView maintenance(UUID itemId, MaintenanceInput input) {
        Item item = itemService.forBooking(itemId);
        policy.require(currentCaller.get(), Action.ITEM_MANAGE, item.ownerMunicipalityId());
        checkPeriod(input.startsAt(), input.endsAt(), item, false);
        Reservation block = reservation(item, ReservationKind.MAINTENANCE, input.startsAt(), input.endsAt(),
                input.reason());
        block.status = ReservationStatus.SCHEDULED;
        book(block);
        return recorded(block, "maintenance.schedule");
    }

    /** A loan or maintenance period; visible to the owner's and the borrower's municipality only. */
    @Transactional
    public ReservationView get(UUID id) {
        return InventoryMapper.view(readable(reservations.findWithItem(id).orElseThrow(() -> notFound(id))));
    }

    @Transactional
    public Page<ReservationView> list(String role, String status, String item, PageRequest page) {
        UUID scope = policy.listingScope(currentCaller.get(), Action.LOAN_READ);
        UUID itemId = Params.blankToNull(item) == null ? null : Params.uuid("item", item);
        return reservations.forMunicipality(scope, Params.oneOf("role", role, Side.class),
                Params.oneOf("status", status, ReservationStatus.class), itemId, page).map(InventoryMapper::view);
    }

    @Transactional
    public ReservationView approve(UUID id) {
        return decide(id, ReservationStatus.APPROVED, null, "loan.approve");
    }

    @Transactional
    public ReservationView reject(UUID id, String reason) {
        return decide(id, ReservationStatus.REJECTED, reason, "loan.reject");
    }

    @Transactional
    public ReservationView handOver(UUID id) {
        Reservation r = decidable(id);
        if (r.item.status == ItemStatus.RETIRED) {
            throw new ApiException(ProblemType.CONFLICT, "detail.item-not-lendable", r.item.status.wireName());
        }
        r.moveTo(ReservationStatus.HANDED_OVER);
        r.handedOverAt = Timestamps.now();
        return changed(r, "loan.hand-over");
    }

    /** The item comes back with a condition report; a damage report sends it into maintenance. */
    @Transactional
    public ReservationView returned(UUID id, ReturnReport report) {
        Reservation r = decidable(id);
        items.hold(r.item); // the report changes the item; locked after the reservation, never the other way round
        r.moveTo(ReservationStatus.RETURNED);
        r.returnedAt = Timestamps.now();
        r.returnCondition = report.condition();
        r.damageReport = Params.blankToNull(report.damageReport());
        r.overdue = false;
        r.item.condition = report.condition();
        if (r.damageReport != null) {
            r.item.status = ItemStatus.MAINTENANCE;
            r.item.updatedAt = Timestamps.now();
            audit.record("item.maintenance", "item", r.item.id.toString(), r.ownerMunicipalityId());
            inventoryChanges.item(ChangeType.ITEM_CHANGED, r.item);
        }
        return changed(r, "loan.return");
    }

    /**
     * Cancelled by the borrowing municipality (any time before hand-over), or by the owner with a
     * reason. Maintenance periods are cancelled by the owner.
     */
    @Transactional
    public ReservationView cancel(UUID id, String reason) {
        Reservation r = readable(reservations.hold(id).orElseThrow(() -> notFound(id)));
        Caller caller = currentCaller.get();
        boolean borrower = r.borrowerMunicipalityId != null
                && policy.allows(caller, Action.LOAN_REQUEST, r.borrowerMunicipalityId);
        if (!borrower && !policy.allows(caller, Action.LOAN_DECIDE, r.ownerMunicipalityId())) {
            throw new ForbiddenException();
        }
        if (!borrower && Params.blankToNull(reason) == null) {
            throw ApiException.invalid(List.of(new Violation("reason", "field.reason-required")));
        }
        r.moveTo(ReservationStatus.CANCELLED);
        r.cancelledAt = Timestamps.now();
        r.cancelledBy = caller.subject();
        r.cancelReason = Params.blankToNull(reason);
        return changed(r, "loan.cancel");
    }

    /** Busy periods of an item within a window; details only for the owner and the borrower. */
    @Transactional
    public List<BusyPeriod> schedule(UUID itemId, OffsetDateTime from, OffsetDateTime to) {
        Item item = itemService.visible(itemId);
        OffsetDateTime start = from == null ? Timestamps.now() : from;
        OffsetDateTime end = to == null ? start.plusDays(90) : to;
        if (!end.isAfter(start)) {
            throw ApiException.invalid(List.of(new Violation("to", "field.end-after-start")));
        }
        if (Duration.between(start, end).toDays() > 366) {
            throw ApiException.invalid(List.of(new Violation("to", "field.window-too-long", 366)));
        }
        Caller caller = currentCaller.get();
        return reservations.blockingOverlaps(item.id, start, end).stream()
                .map(r -> InventoryMapper.busy(r, insider(caller, r)))
                .toList();
    }

    /** The owner approves or rejects a request. */
    private ReservationView decide(UUID id, ReservationStatus decision, String reason, String action) {
        Reservation r = decidable(id);
        r.moveTo(decision);
        r.decidedAt = Timestamps.now();
        r.decidedBy = currentCaller.get().subject();
        r.decisionReason = Params.blankToNull(reason);
        return changed(r, action);
    }

    /** Whether the caller may know who borrows and why: the owner's and the borrower's side. */
    private boolean insider(Caller caller, Reservation r) {
        return caller.isNetworkAdmin()
                || policy.actsForAny(caller, Action.LOAN_READ, r.ownerMunicipalityId(), r.borrowerMunicipalityId);
    }

    private Reservation readable(Reservation r) {
        if (!insider(currentCaller.get(), r)) {
            throw notFound(r.id);
        }
        return r;
    }

    /** A reservation the caller decides on as the owner, held until the transaction ends. */
    private Reservation decidable(UUID id) {
        Reservation r = readable(reservations.hold(id).orElseThrow(() -> notFound(id)));
        policy.require(currentCaller.get(), Action.LOAN_DECIDE, r.ownerMunicipalityId());
        return r;
    }

    private Reservation reservation(Item item, ReservationKind kind, OffsetDateTime start, OffsetDateTime end,
            String purpose) {
        Reservation r = new Reservation();
        r.id = UUID.randomUUID();
        r.item = item;
        r.kind = kind;
        r.startsAt = utc(start);
        r.endsAt = utc(end);
        r.requestedBy = currentCaller.get().subject();
        r.purpose = purpose.strip();
        r.createdAt = Timestamps.now();
        r.updatedAt = r.createdAt;
        return r;
    }

    private ReservationView changed(Reservation r, String action) {
        r.updatedAt = Timestamps.now();
        return recorded(r, action);
    }

    /** Audits the change for the owner and, if it is another municipality, for the borrower. */
    private ReservationView recorded(Reservation r, String action) {
        inventoryChanges.reservation(r, false);
        audit.record(action, "reservation", r.id.toString(), r.ownerMunicipalityId());
        if (r.borrowerMunicipalityId != null && !r.borrowerMunicipalityId.equals(r.ownerMunicipalityId())) {
            audit.record(action, "reservation", r.id.toString(), r.borrowerMunicipalityId);
        }
        return InventoryMapper.view(r);
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
            if (SqlStates.causedBy(e, SqlStates.EXCLUSION_VIOLATION)) {
                throw conflict(r);
            }
            throw e;
        }
    }

    /**
     * A clash: the problem names the periods it clashes with and free alternatives, looked up in
     * a transaction of their own once this one has ended (and, after a refused insert, is lost).
     */
    private ApiException conflict(Reservation r) {
        Caller caller = currentCaller.get();
        UUID item = r.item.id;
        String category = r.item.category;
        UUID owner = r.ownerMunicipalityId();
        OffsetDateTime start = r.startsAt;
        OffsetDateTime end = r.endsAt;
        Lab near = r.kind == ReservationKind.LOAN ? r.borrowerLab : null;
        Double latitude = near == null ? null : near.latitude;
        Double longitude = near == null ? null : near.longitude;
        return ApiException.withExtensionsLookedUp(ProblemType.CONFLICT, () -> QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("conflicts", reservations.blockingOverlaps(item, start, end).stream()
                    .map(other -> InventoryMapper.busy(other, policy.actsForAny(caller, Action.LOAN_READ,
                            owner, other.borrowerMunicipalityId)))
                    .toList());
            if (near != null) {
                extensions.put("alternatives", items.free(policy.inventoryView(caller), category, null,
                        start, end, latitude, longitude, item,
                        new PageRequest(1, ALTERNATIVES)).items().stream().map(InventoryMapper::available).toList());
            }
            return extensions;
        }), "detail.double-booking");
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("detail.reservation-not-found", id);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
