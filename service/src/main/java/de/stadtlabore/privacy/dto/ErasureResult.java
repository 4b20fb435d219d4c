package de.stadtlabore.privacy.dto;

import java.time.OffsetDateTime;

/** What an erasure did: registrations cancelled and registrations that lost name and address. */
public record ErasureResult(int cancelledRegistrations, int erasedRegistrations, OffsetDateTime erasedAt) {
}
