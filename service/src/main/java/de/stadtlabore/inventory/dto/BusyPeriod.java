package de.stadtlabore.inventory.dto;

import java.time.OffsetDateTime;
import java.util.UUID;

import de.stadtlabore.inventory.ReservationKind;
import de.stadtlabore.inventory.ReservationStatus;
import de.stadtlabore.labs.dto.LabRef;

/**
 * A period in which an item is taken. Who borrows it and why is shown only to the owner's and
 * the borrower's municipality.
 */
public record BusyPeriod(UUID reservation, ReservationKind kind, ReservationStatus status, OffsetDateTime startsAt,
        OffsetDateTime endsAt, LabRef borrowerLab, String purpose) {
}
