package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.UUID;

import de.stadtlabore.common.domain.Visibility;

/** Events built in memory, for the tests of what works on them without a database. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static Event event(String start, String end, String rrule) {
        Event e = new Event();
        e.id = UUID.fromString("5f000000-0000-4000-8000-0000000000aa");
        e.title = "Netzwerk-Kaffee";
        e.description = "";
        e.timeZone = "Europe/Berlin";
        e.startsLocal = LocalDateTime.parse(start);
        e.endsLocal = LocalDateTime.parse(end);
        e.rrule = rrule;
        e.status = EventStatus.SCHEDULED;
        e.visibility = Visibility.PUBLIC;
        e.format = EventFormat.ONLINE;
        e.topics = new ArrayList<>();
        e.updatedAt = OffsetDateTime.parse("2026-11-01T10:00:00Z");
        return e;
    }

    public static OccurrenceOverride override(String original, String start, String end) {
        OccurrenceOverride o = new OccurrenceOverride();
        o.originalStart = LocalDateTime.parse(original);
        o.cancelled = start == null;
        o.startsLocal = start == null ? null : LocalDateTime.parse(start);
        o.endsLocal = end == null ? null : LocalDateTime.parse(end);
        return o;
    }

}
