package de.stadtlabore.inventory.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import de.stadtlabore.inventory.Condition;
import de.stadtlabore.inventory.ReservationKind;
import de.stadtlabore.inventory.ReservationStatus;
import de.stadtlabore.labs.dto.LabRef;

/** A loan or maintenance period, as the owner's and the borrower's staff see it. */
public record ReservationView(
        UUID id,
        ReservationKind kind,
        Refs.ItemRef item,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        ReservationStatus status,
        boolean overdue,
        LabRef borrowerLab,
        String requestedBy,
        String purpose,
        OffsetDateTime decisionDueAt,
        OffsetDateTime decidedAt,
        String decisionReason,
        OffsetDateTime handedOverAt,
        OffsetDateTime returnedAt,
        Condition returnCondition,
        String damageReport,
        OffsetDateTime cancelledAt,
        String cancelReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
