package de.stadtlabore.events;

import de.stadtlabore.events.dto.EventInput;
import de.stadtlabore.events.dto.EventRef;
import de.stadtlabore.events.dto.EventSeriesView;
import de.stadtlabore.events.dto.EventView;
import de.stadtlabore.events.dto.OccurrenceView;
import de.stadtlabore.events.dto.RegistrationOfAddress;
import de.stadtlabore.events.dto.RegistrationView;
import de.stadtlabore.labs.dto.LabRef;

/** Events, occurrences and registrations → representations. */
final class EventMapper {

    private EventMapper() {
    }

    static EventView.PlaceView place(Event e) {
        return e.placeLab == null && e.placeAddress == null ? null : new EventView.PlaceView(LabRef.of(e.placeLab), e.placeAddress);
    }

    static EventView view(Event e) {
        return new EventView(e.id, e.title, e.description, e.category, e.topics, e.format, place(e), e.onlineUrl,
                e.accessibilityNotes, e.visibility, e.status, e.timeZone, e.startsLocal, e.endsLocal,
                e.rrule == null ? null : new EventInput.Recurrence(e.rrule, e.exdates.stream().sorted().toList()),
                e.capacity == null ? null : new EventInput.RegistrationSettings(e.capacity, e.maxSeatsPerRegistration,
                        e.registrationOpensDaysBefore, e.registrationClosesMinutesBefore),
                e.projectId,
                LabRef.of(e.leadLab),
                e.organisers.stream().map(o -> new EventView.OrganiserView(LabRef.of(o.lab), o.status)).toList(),
                e.sequence, e.createdAt, e.updatedAt);
    }

    static EventSeriesView series(Event e, EventRepository.Next next) {
        EventView v = view(e);
        return new EventSeriesView(v.id(), v.title(), v.category(), v.format(), v.visibility(), v.status(), v.leadLab(),
                v.organisers(), v.project(), v.timeZone(), v.start(), v.end(), v.recurrence(), e.capacity,
                next == null ? null : new EventSeriesView.NextOccurrence(next.original(),
                        next.start().atOffset(java.time.ZoneOffset.UTC), next.end().atOffset(java.time.ZoneOffset.UTC)),
                v.updatedAt());
    }

    static EventRef ref(Event e) {
        return new EventRef(e.id, e.title, e.startsLocal, e.timeZone);
    }

    static OccurrenceView view(Occurrence o, OccurrenceView.Seats seats) {
        Event e = o.event();
        return new OccurrenceView(e.id, o.originalStart(), e.title, e.category, e.topics, e.format, e.visibility,
                o.start().toOffsetDateTime(), o.end().toOffsetDateTime(), e.timeZone,
                o.cancelled() ? EventStatus.CANCELLED : EventStatus.SCHEDULED, o.moved(), e.rrule != null,
                LabRef.of(e.leadLab), place(e), seats);
    }

    /**
     * @param position its place on the waiting list, when just registered
     * @param token    the secret of the cancel link, only in the answer to registering
     */
    static RegistrationOfAddress ofAddress(Registration r) {
        return new RegistrationOfAddress(r.id, r.event.id, r.event.title, r.event.leadLab.slug,
                r.event.leadLab.municipality.id, r.event.leadLab.municipality.slug, r.occurrence, r.occurrenceEndsAt,
                r.status, r.seats, r.name, r.email, r.consentVersion, r.consentAt, r.createdAt, r.promotedAt,
                r.cancelledAt, r.cancelledBy);
    }

    static RegistrationView view(Registration r, Integer position, String token) {
        return new RegistrationView(r.id, r.event.id, r.occurrence, r.status, r.seats, position, r.name, r.email,
                r.createdAt, r.cancelledAt, r.cancelledBy, r.spam ? Boolean.TRUE : null, r.consentVersion, r.consentAt,
                token);
    }
}
