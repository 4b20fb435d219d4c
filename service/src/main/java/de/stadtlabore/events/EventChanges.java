package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import de.stadtlabore.changes.Audience;
import de.stadtlabore.changes.ChangeService;
import de.stadtlabore.changes.ChangeType;

/**
 * What events report to the change feed and webhooks: events, single occurrences and the seat
 * counts of an occurrence (never who registered), with the event's reach: public events to
 * everyone, network events to the network's members.
 */
@ApplicationScoped
class EventChanges {

    @Inject
    ChangeService changes;

    @Inject
    RegistrationRepository registrations;

    void event(ChangeType type, Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id);
        data.put("title", event.title);
        data.put("status", event.status);
        data.put("visibility", event.visibility);
        data.put("leadLab", event.leadLab.slug);
        data.put("start", event.startsLocal);
        data.put("end", event.endsLocal);
        data.put("timeZone", event.timeZone);
        data.put("recurrence", event.rrule);
        changes.record(type, audience(event), data);
    }

    void occurrence(ChangeType type, Event event, LocalDateTime original, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", event.id);
        data.put("occurrence", original);
        data.put("start", start);
        data.put("end", end);
        data.put("timeZone", event.timeZone);
        changes.record(type, audience(event), data);
    }

    /** The seats of an occurrence after a registration, a cancellation or a move up the waiting list. */
    void seats(Event event, LocalDateTime occurrence) {
        registrations.getEntityManager().flush();
        RegistrationRepository.Occupancy taken = registrations.occupancy(event.id, occurrence, "");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event", event.id);
        data.put("occurrence", occurrence);
        data.put("capacity", event.capacity);
        data.put("confirmedSeats", taken.confirmedSeats());
        data.put("waitlisted", taken.waitlisted());
        changes.record(ChangeType.REGISTRATIONS_CHANGED, audience(event), data);
    }

    private static Audience audience(Event event) {
        return event.isPublic() ? Audience.everyone() : Audience.network();
    }
}
