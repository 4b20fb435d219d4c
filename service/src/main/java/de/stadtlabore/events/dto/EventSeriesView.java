package de.stadtlabore.events.dto;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.events.EventFormat;
import de.stadtlabore.events.EventStatus;
import de.stadtlabore.labs.dto.LabRef;

/**
 * An event or series as staff manage it in a list: what it is, who organises it, its rule, and
 * its next occurrence that is not cancelled (none once it is over).
 */
public record EventSeriesView(
        UUID id,
        String title,
        String category,
        EventFormat format,
        Visibility visibility,
        EventStatus status,
        LabRef leadLab,
        List<EventView.OrganiserView> organisers,
        UUID project,
        String timeZone,
        LocalDateTime start,
        LocalDateTime end,
        EventInput.Recurrence recurrence,
        Integer capacity,
        NextOccurrence nextOccurrence,
        OffsetDateTime updatedAt) {

    /** @param occurrence the occurrence's key in URLs (its original local start) */
    public record NextOccurrence(LocalDateTime occurrence, OffsetDateTime start, OffsetDateTime end) {
    }
}
