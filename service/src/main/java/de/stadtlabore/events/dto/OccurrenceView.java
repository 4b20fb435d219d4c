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
 * One occurrence, with enough of its event for a list. {@code occurrence} (the original local
 * start) identifies it within its series, also after it was moved.
 */
public record OccurrenceView(
        UUID event,
        LocalDateTime occurrence,
        String title,
        String category,
        List<String> topics,
        EventFormat format,
        Visibility visibility,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timeZone,
        EventStatus status,
        boolean moved,
        boolean series,
        LabRef leadLab,
        EventView.PlaceView place,
        Seats registration) {

    /** Registration for this occurrence: capacity, confirmed seats, free seats, whether open now. */
    public record Seats(int capacity, int confirmedSeats, int freeSeats, int waitlisted, boolean open) {
    }
}
