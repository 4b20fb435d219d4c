package de.stadtlabore.inventory;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import de.stadtlabore.labs.Lab;

/**
 * A loan of an item to a lab, or a maintenance period, over the half-open period
 * [startsAt, endsAt). Blocking ones never overlap (database exclusion constraint).
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", nullable = false)
    public Item item;

    @Column(nullable = false)
    public ReservationKind kind;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public ReservationStatus status;

    @Column(name = "borrower_municipality_id")
    public UUID borrowerMunicipalityId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "borrower_lab_id")
    public Lab borrowerLab;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(nullable = false, columnDefinition = "text")
    public String purpose;

    @Column(name = "decision_due_at")
    public OffsetDateTime decisionDueAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason", columnDefinition = "text")
    public String decisionReason;

    @Column(name = "handed_over_at")
    public OffsetDateTime handedOverAt;

    @Column(name = "returned_at")
    public OffsetDateTime returnedAt;

    @Column(name = "return_condition")
    public Condition returnCondition;

    @Column(name = "damage_report", columnDefinition = "text")
    public String damageReport;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancel_reason", columnDefinition = "text")
    public String cancelReason;

    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Moves the reservation on; a transition its lifecycle does not allow is a conflict. */
    public void moveTo(ReservationStatus next) {
        status = status.moveTo(next);
    }

    public UUID ownerMunicipalityId() {
        return item.ownerMunicipalityId();
    }
}
