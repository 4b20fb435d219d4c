package de.stadtlabore.events.dto;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import de.stadtlabore.events.CancelledBy;
import de.stadtlabore.events.RegistrationStatus;

/** A registration of one e-mail address with its event, lab and municipality: for a data export. */
public record RegistrationOfAddress(UUID id, UUID event, String eventTitle, String lab, UUID municipalityId,
        String municipality, LocalDateTime occurrence, OffsetDateTime occurrenceEndsAt, RegistrationStatus status,
        int seats, String name, String email, String consentVersion, OffsetDateTime consentAt, OffsetDateTime createdAt,
        OffsetDateTime promotedAt, OffsetDateTime cancelledAt, CancelledBy cancelledBy) {
}
