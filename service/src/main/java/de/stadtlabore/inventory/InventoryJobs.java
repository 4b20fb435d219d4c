package de.stadtlabore.inventory;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.time.Timestamps;
import io.quarkus.scheduler.Scheduled;

/**
 * Expires loan requests that were not decided in time and flags overdue loans. Safe with
 * several replicas: each run claims its rows with {@code FOR UPDATE SKIP LOCKED}, and the
 * updates are idempotent.
 */
@ApplicationScoped
public class InventoryJobs {

    private static final Logger LOG = Logger.getLogger(InventoryJobs.class);
    private static final int BATCH = 200;

    @Inject
    ReservationRepository reservations;

    @Inject
    AuditLog audit;

    @Scheduled(every = "${stadtlabore.inventory.job-interval:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = expireUndecidedRequests();
        int overdue = flagOverdueLoans();
        if (expired + overdue > 0) {
            LOG.infof("Expired %d undecided loan requests, flagged %d overdue loans", expired, overdue);
        }
    }

    @Transactional
    public int expireUndecidedRequests() {
        List<Reservation> due = claim("status = 'requested' and decision_due_at < now()");
        for (Reservation r : due) {
            r.status = "expired";
            r.updatedAt = Timestamps.now();
            audit.recordSystem("request-expiry", "loan.expire", "reservation", r.id.toString(), r.item.ownerMunicipalityId());
            audit.recordSystem("request-expiry", "loan.expire", "reservation", r.id.toString(), r.borrowerMunicipalityId);
        }
        return due.size();
    }

    @Transactional
    public int flagOverdueLoans() {
        List<Reservation> late = claim("status = 'handed-over' and ends_at < now() and not overdue");
        for (Reservation r : late) {
            r.overdue = true;
            r.updatedAt = Timestamps.now();
            audit.recordSystem("overdue-detection", "loan.overdue", "reservation", r.id.toString(), r.item.ownerMunicipalityId());
        }
        return late.size();
    }

    @SuppressWarnings("unchecked")
    private List<Reservation> claim(String condition) {
        List<UUID> ids = reservations.getEntityManager()
                .createNativeQuery("select id from reservation where " + condition
                        + " order by id limit " + BATCH + " for update skip locked", UUID.class)
                .getResultList();
        return ids.isEmpty() ? List.of() : reservations.list("id in ?1", ids);
    }
}
