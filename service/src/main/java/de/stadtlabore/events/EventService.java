package de.stadtlabore.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.changes.ChangeType;
import de.stadtlabore.access.AccessPolicy;
import de.stadtlabore.access.Action;
import de.stadtlabore.access.Caller;
import de.stadtlabore.access.CurrentCaller;
import de.stadtlabore.access.Scope;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Lifecycle;
import de.stadtlabore.common.http.RepresentationTags;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.events.dto.EventInput;
import de.stadtlabore.events.dto.EventRef;
import de.stadtlabore.events.dto.EventSeriesView;
import de.stadtlabore.events.dto.EventView;
import de.stadtlabore.events.dto.OccurrenceChange;
import de.stadtlabore.events.dto.OccurrenceView;
import de.stadtlabore.events.calendar.FeedCache;
import de.stadtlabore.labs.Lab;
import de.stadtlabore.labs.LabService;

/** Events and series: organising, co-organising across municipalities, occurrences in a window. */
@ApplicationScoped
public class EventService {

    static final String DEFAULT_ZONE = "Europe/Berlin";
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** Events start, and windows lie, at most this far from today in either direction. */
    static final Period HORIZON = Period.ofYears(5);
    /** The longest a single occurrence may last. */
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    @Inject
    EventChanges eventChanges;

    @Inject
    EventRepository events;

    @Inject
    RegistrationRepository registrations;

    @Inject
    OccurrenceIndex occurrenceIndex;

    /** Kept calendar feeds are dropped once a change to an event commits. */
    @Inject
    jakarta.enterprise.event.Event<FeedCache.Changed> feedsChanged;

    @Inject
    LabService labs;

    @Inject
    ProjectDirectory projects;

    @Inject
    AccessPolicy policy;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    RepresentationTags tags;

    /**
     * Occurrences overlapping [from, to) that the caller may see, by start, with their seats;
     * only those with free seats open for registration if asked.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OccurrenceView> occurrences(Instant from, Instant to, EventRepository.Filter filter,
            boolean freeSeatsOnly, PageRequest page) {
        Instant now = Instant.now();
        Instant start = from == null ? now : from;
        Instant end = to == null ? start.plus(DEFAULT_WINDOW) : to;
        List<Violation> outside = new ArrayList<>();
        if (from != null && !withinHorizon(from, now)) {
            outside.add(new Violation("from", "field.outside-horizon", HORIZON.getYears()));
        }
        if (to != null && !withinHorizon(to, now)) {
            outside.add(new Violation("to", "field.outside-horizon", HORIZON.getYears()));
        }
        if (!outside.isEmpty()) {
            throw ApiException.invalid(outside);
        }
        if (!end.isAfter(start)) {
            throw ApiException.invalid(List.of(new Violation("to", "field.end-after-start")));
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid(List.of(new Violation("to", "field.window-too-long", MAX_WINDOW.toDays())));
        }
        Page<EventRepository.Slot> slots = events.window(networkVisible(), filter, start, end, freeSeatsOnly, now, page);
        Map<UUID, Event> byId = events.forOccurrences(slots.items().stream().map(EventRepository.Slot::event)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(e -> e.id, e -> e));
        return slots.map(slot -> {
            Occurrence o = occurrence(byId.get(slot.event()), slot);
            return EventMapper.view(o, seats(o, slot.seats(), now));
        });
    }

    private static Occurrence occurrence(Event event, EventRepository.Slot slot) {
        ZoneId zone = ZoneId.of(event.timeZone);
        return new Occurrence(event, slot.originalStart(), slot.start().atZone(zone), slot.end().atZone(zone),
                slot.cancelled(), slot.moved());
    }

    private static boolean withinHorizon(Instant at, Instant now) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC);
        return !at.isBefore(today.minus(HORIZON).toInstant()) && !at.isAfter(today.plus(HORIZON).toInstant());
    }

    private static OccurrenceView.Seats seats(Occurrence o, RegistrationRepository.Counts c, Instant now) {
        Event e = o.event();
        if (e.capacity == null) {
            return null;
        }
        return new OccurrenceView.Seats(e.capacity, c.confirmedSeats(), Math.max(0, e.capacity - c.confirmedSeats()),
                c.waitlisted(), !o.cancelled() && RegistrationService.windowOpen(e, o, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EventView get(UUID id) {
        return EventMapper.view(visible(id));
    }

    /** The events of a project that the caller may see, by start. For projects. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EventRef> ofProject(UUID project) {
        return events.ofProject(project, networkVisible()).stream().map(EventMapper::ref).toList();
    }

    /** An event the caller may see; network events do not exist for the public (404). For this feature. */
    Event visible(UUID id) {
        return seen(events.findWithDetails(id).orElseThrow(() -> notFound(id)));
    }

    /** A visible event with what a registration needs of it: its times and labs, not its organisers. */
    Event visibleForRegistration(UUID id) {
        return seen(events.findWithOverrides(id).orElseThrow(() -> notFound(id)));
    }

    private Event seen(Event event) {
        if (!event.isPublic() && !networkVisible()) {
            throw notFound(event.id);
        }
        return event;
    }

    /** The events and series the caller may see, newest first, each with its next occurrence. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EventSeriesView> series(EventRepository.SeriesFilter filter, PageRequest page) {
        Page<Event> found = events.series(networkVisible(), filter, page);
        Map<UUID, EventRepository.Next> next = events.nextOccurrences(found.items().stream().map(e -> e.id).toList(),
                Instant.now());
        return found.map(e -> EventMapper.series(e, next.get(e.id)));
    }

    @Transactional
    public EventView create(EventInput input) {
        Lab lead = labs.existing("leadLab", input.leadLab());
        policy.require(caller.get(), Action.EVENT_MANAGE, lead.municipality.id);
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.createdAt = Timestamps.now();
        event.leadLab = lead;
        apply(input, event);
        events.persist(event);
        occurrenceIndex.rebuild(event);
        audit.record("event.create", "event", event.id.toString(), lead.municipality.id);
        eventChanges.event(ChangeType.EVENT_PUBLISHED, event);
        feedsChanged.fire(new FeedCache.Changed());
        return EventMapper.view(event);
    }

    /** Changes an event, given its ETag; staff of any organising lab may. */
    @Transactional
    public EventView update(UUID id, String ifMatch, EventInput input) {
        Event event = held(id);
        requireOrganiser(event);
        if (!input.leadLab().equals(event.leadLab.slug)) {
            throw ApiException.invalid(List.of(new Violation("leadLab", "field.lead-lab-fixed")));
        }
        tags.requireMatch(ifMatch, EventMapper.view(event));
        boolean cancelling = event.status != EventStatus.CANCELLED;
        apply(input, event);
        cancelling &= event.status == EventStatus.CANCELLED;
        event.sequence++;
        occurrenceIndex.rebuild(event);
        moveRegistrationRetention(event);
        audit.record(event.status == EventStatus.CANCELLED ? "event.cancel" : "event.update", "event",
                event.id.toString(), event.leadLab.municipality.id);
        eventChanges.event(cancelling ? ChangeType.EVENT_CANCELLED : ChangeType.EVENT_CHANGED, event);
        feedsChanged.fire(new FeedCache.Changed());
        return EventMapper.view(event);
    }

    /** Invites a lab, also of another municipality, to co-organise. */
    @Transactional
    public EventView invite(UUID id, String labSlug) {
        Event event = held(id);
        requireOrganiser(event);
        Lab lab = labs.existing("lab", labSlug);
        if (lab.id.equals(event.leadLab.id) || event.organisers.stream().anyMatch(o -> o.lab.id.equals(lab.id))) {
            throw new ApiException(ProblemType.CONFLICT, "detail.already-organiser", lab.slug);
        }
        Organiser organiser = new Organiser();
        organiser.lab = lab;
        organiser.status = InvitationStatus.INVITED;
        organiser.invitedAt = Timestamps.now();
        event.organisers.add(organiser);
        event.updatedAt = Timestamps.now();
        audit.record("event.invite", "event", event.id.toString(), event.leadLab.municipality.id);
        audit.record("event.invite", "event", event.id.toString(), lab.municipality.id);
        eventChanges.event(ChangeType.EVENT_CHANGED, event);
        feedsChanged.fire(new FeedCache.Changed());
        return EventMapper.view(event);
    }

    /** The invited lab's municipality accepts or declines. */
    @Transactional
    public EventView answer(UUID id, String labSlug, InvitationStatus answer) {
        Lifecycle.reachable("status", answer);
        Event event = events.hold(id).orElseThrow(() -> notFound(id));
        Organiser organiser = event.organisers.stream().filter(o -> o.lab.slug.equals(labSlug)).findFirst()
                .orElseThrow(() -> ApiException.notFound("detail.invitation-not-found", labSlug));
        policy.require(caller.get(), Action.EVENT_INVITATION_ANSWER, organiser.lab.municipality.id);
        organiser.status = organiser.status.moveTo(answer);
        organiser.respondedAt = Timestamps.now();
        event.updatedAt = Timestamps.now();
        audit.record("event.invitation-" + answer.wireName(), "event", event.id.toString(),
                organiser.lab.municipality.id);
        eventChanges.event(ChangeType.EVENT_CHANGED, event);
        feedsChanged.fire(new FeedCache.Changed());
        return EventMapper.view(event);
    }

    /** Cancels one occurrence of a series or moves it (RECURRENCE-ID in calendars). */
    @Transactional
    public EventView changeOccurrence(UUID id, LocalDateTime original, OccurrenceChange change) {
        Event event = held(id);
        requireOrganiser(event);
        if (event.rrule == null || !Recurrences.isOriginalStart(event, original)
                || event.exdates.contains(original)) {
            throw ApiException.notFound("detail.occurrence-not-found", original);
        }
        List<Violation> violations = new ArrayList<>();
        if (!change.cancelled()) {
            if (change.start() == null || change.end() == null) {
                violations.add(new Violation(change.start() == null ? "start" : "end", "field.required"));
            } else if (!change.end().isAfter(change.start())) {
                violations.add(new Violation("end", "field.end-after-start"));
            } else if (Duration.between(original, change.start()).abs().compareTo(Recurrences.MAX_MOVE) > 0) {
                violations.add(new Violation("start", "field.move-too-far", Recurrences.MAX_MOVE.toDays()));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        event.overrides.removeIf(o -> o.originalStart.equals(original));
        OccurrenceOverride override = new OccurrenceOverride();
        override.originalStart = original;
        override.cancelled = change.cancelled();
        override.startsLocal = change.cancelled() ? null : change.start();
        override.endsLocal = change.cancelled() ? null : change.end();
        event.overrides.add(override);
        if (!change.cancelled()) {
            registrations.keepUntil(event.id, original, change.end().atZone(ZoneId.of(event.timeZone)).toOffsetDateTime());
        }
        event.updatedAt = Timestamps.now();
        event.sequence++;
        occurrenceIndex.rebuild(event);
        audit.record(change.cancelled() ? "event.occurrence-cancel" : "event.occurrence-move", "event",
                event.id + "@" + original, event.leadLab.municipality.id);
        eventChanges.occurrence(change.cancelled() ? ChangeType.OCCURRENCE_CANCELLED : ChangeType.OCCURRENCE_CHANGED,
                event, original, change.start(), change.end());
        feedsChanged.fire(new FeedCache.Changed());
        return EventMapper.view(event);
    }

    /** Staff of the lead lab's or an accepted co-organiser's municipality (or their keys). For this feature. */
    void requireOrganiser(Event event) {
        Caller c = caller.get();
        UUID[] organising = Stream.concat(Stream.of(event.leadLab.municipality.id), event.organisers.stream()
                .filter(o -> o.status == InvitationStatus.ACCEPTED).map(o -> o.lab.municipality.id)).toArray(UUID[]::new);
        if (!policy.actsForAny(c, Action.EVENT_MANAGE, organising)) {
            policy.require(c, Action.EVENT_MANAGE, event.leadLab.municipality.id);
        }
    }

    /** Whether the caller sees network events: members of the network. */
    private boolean networkVisible() {
        return policy.isNetworkMember(caller.get(), Scope.EVENTS_READ);
    }

    /** The event, held until the transaction ends: writes to one event are serialised. */
    private Event held(UUID id) {
        return seen(events.hold(id).orElseThrow(() -> notFound(id)));
    }

    /** After a change of times, registrations are kept until their occurrence's new end. */
    private void moveRegistrationRetention(Event event) {
        for (LocalDateTime occurrence : registrations.occurrencesOf(event.id)) {
            Instant at = occurrence.atZone(ZoneId.of(event.timeZone)).toInstant();
            Recurrences.expand(event, at.minus(Recurrences.MAX_MOVE).minus(Duration.ofDays(1)),
                    at.plus(Recurrences.MAX_MOVE).plus(Duration.ofDays(1))).stream()
                    .filter(o -> o.originalStart().equals(occurrence)).findFirst()
                    .ifPresent(o -> registrations.keepUntil(event.id, occurrence, o.end().toOffsetDateTime()));
        }
    }

    private void apply(EventInput input, Event event) {
        List<Violation> violations = new ArrayList<>();
        String zone = input.timeZone() == null ? DEFAULT_ZONE : input.timeZone();
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            violations.add(new Violation("timeZone", "field.unknown-time-zone"));
        }
        Instant now = Instant.now();
        boolean startInRange = zoneId == null || withinHorizon(input.start().atZone(zoneId).toInstant(), now);
        if (!startInRange) {
            violations.add(new Violation("start", "field.outside-horizon", HORIZON.getYears()));
        }
        if (!input.end().isAfter(input.start())) {
            violations.add(new Violation("end", "field.end-after-start"));
        } else if (Duration.between(input.start(), input.end()).compareTo(MAX_LENGTH) > 0) {
            violations.add(new Violation("end", "field.event-too-long", MAX_LENGTH.toDays()));
        }
        if (input.recurrence() != null && zoneId != null && startInRange) {
            Violation refusal = Recurrences.refusal("recurrence.rule", input.recurrence().rule(), input.start(),
                    zoneId, now);
            if (refusal != null) {
                violations.add(refusal);
            }
            List<LocalDateTime> exceptions = input.recurrence().exceptions();
            for (int i = 0; exceptions != null && i < exceptions.size(); i++) {
                LocalDateTime exception = exceptions.get(i);
                if (exception.isBefore(input.start())
                        || exception.atZone(zoneId).isAfter(now.atZone(zoneId).plus(Recurrences.MAX_UNTIL))) {
                    violations.add(new Violation("recurrence.exceptions[" + i + "]", "field.not-in-series"));
                }
            }
        }
        if (input.format().online() && input.onlineUrl() == null) {
            violations.add(new Violation("onlineUrl", "field.required"));
        }
        Lab placeLab = null;
        if (input.format().onSite()) {
            if (input.place() == null || (input.place().lab() == null && input.place().address() == null)) {
                violations.add(new Violation("place", "field.required"));
            } else if (input.place().lab() != null) {
                placeLab = labs.find(input.place().lab()).orElse(null);
                if (placeLab == null) {
                    violations.add(new Violation("place.lab", "field.unknown-lab"));
                } else if (!mayHost(event, placeLab)) {
                    violations.add(new Violation("place.lab", "field.not-an-organising-municipality"));
                }
            }
        }
        if (input.project() != null && !projects.isOrganisedBy(input.project(), event.leadLab)) {
            violations.add(new Violation("project", "field.not-a-project-of-the-lab"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        event.projectId = input.project();
        event.title = input.title().strip();
        event.description = input.description() == null ? "" : input.description().strip();
        event.category = input.category();
        event.topics = input.topics() == null ? new ArrayList<>() : new ArrayList<>(input.topics());
        event.format = input.format();
        event.placeLab = input.format().onSite() ? placeLab : null;
        event.placeAddress = input.format().onSite() && input.place() != null ? input.place().address() : null;
        event.onlineUrl = input.format().online() ? input.onlineUrl() : null;
        event.accessibilityNotes = input.accessibilityNotes();
        event.visibility = input.visibility();
        event.status = input.status() == null ? EventStatus.SCHEDULED : input.status();
        event.timeZone = zone;
        event.startsLocal = input.start();
        event.endsLocal = input.end();
        event.rrule = input.recurrence() == null ? null : input.recurrence().rule();
        event.exdates = input.recurrence() == null || input.recurrence().exceptions() == null ? new ArrayList<>()
                : new ArrayList<>(input.recurrence().exceptions());
        EventInput.RegistrationSettings registration = input.registration();
        event.capacity = registration == null ? null : registration.capacity();
        event.maxSeatsPerRegistration = registration == null || registration.maxSeatsPerRegistration() == null ? 4
                : registration.maxSeatsPerRegistration();
        event.registrationOpensDaysBefore = registration == null ? null : registration.opensDaysBefore();
        event.registrationClosesMinutesBefore = registration == null || registration.closesMinutesBefore() == null ? 0
                : registration.closesMinutesBefore();
        event.updatedAt = Timestamps.now();
    }

    /**
     * An event takes place in a lab of the lead lab's municipality or of an accepted
     * co-organiser's: another municipality's lab is not the organisers' to book.
     */
    private static boolean mayHost(Event event, Lab place) {
        UUID host = place.municipality.id;
        return host.equals(event.leadLab.municipality.id) || event.organisers.stream()
                .anyMatch(o -> o.status == InvitationStatus.ACCEPTED && o.lab.municipality.id.equals(host));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("detail.event-not-found", id);
    }
}
