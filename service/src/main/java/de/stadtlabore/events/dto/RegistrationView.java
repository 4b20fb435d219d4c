package de.stadtlabore.events.dto;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import de.stadtlabore.events.CancelledBy;
import de.stadtlabore.events.RegistrationStatus;

/**
 * A registration. {@code cancelToken} appears only in the answer to registering — the secret of
 * the cancel link; {@code name} and {@code email} only to the registrant and the organisers.
 */
public record RegistrationView(UUID id, UUID event, LocalDateTime occurrence, RegistrationStatus status, int seats,
        Integer waitlistPosition, String name, String email, OffsetDateTime createdAt, OffsetDateTime cancelledAt,
        CancelledBy cancelledBy, Boolean spam, String consentVersion, OffsetDateTime consentAt, String cancelToken) {
}
