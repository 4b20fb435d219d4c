package de.stadtlabore.labs.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A lab as every caller sees it. */
public record LabView(
        UUID id,
        String slug,
        String name,
        MunicipalityRef municipality,
        String description,
        Address address,
        Coordinates coordinates,
        OpeningHoursDto openingHours,
        Contact contact,
        List<String> topics,
        Accessibility accessibility,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
