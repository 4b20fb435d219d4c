package de.stadtlabore.inventory;

import java.util.List;

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
    InventoryChanges inventoryChanges;

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
        List<Reservation> due = reservations.claimUndecided(BATCH);
        for (Reservation r : due) {
            r.moveTo(ReservationStatus.EXPIRED);
            r.updatedAt = Timestamps.now();
            audit.recordSystem("request-expiry", "loan.expire", "reservation", r.id.toString(), r.ownerMunicipalityId());
            inventoryChanges.reservation(r, false);
            audit.recordSystem("request-expiry", "loan.expire", "reservation", r.id.toString(), r.borrowerMunicipalityId);
        }
        return due.size();
    }

    @Transactional
    public int flagOverdueLoans() {
        List<Reservation> late = reservations.claimOverdue(BATCH);
        for (Reservation r : late) {
            r.overdue = true;
            r.updatedAt = Timestamps.now();
            audit.recordSystem("overdue-detection", "loan.overdue", "reservation", r.id.toString(), r.ownerMunicipalityId());
            inventoryChanges.reservation(r, true);
        }
        return late.size();
    }
}
