package de.stadtlabore.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Visibility;
import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;
import de.stadtlabore.common.persistence.NativeSql;
import de.stadtlabore.common.persistence.SqlFilter;
import de.stadtlabore.common.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    private static final String WITH_DETAILS = "select distinct e from Event e join fetch e.leadLab l "
            + "join fetch l.municipality left join fetch e.placeLab pl left join fetch e.overrides ";

    /** Filters of the occurrence list; null means any. */
    public record Filter(String lab, String municipality, String category, String topic, EventFormat format,
            String text) {
    }

    /** An event with everything its representation shows (two queries: two collections). */
    public Optional<Event> findWithDetails(UUID id) {
        Optional<Event> event = findWithOverrides(id);
        event.ifPresent(e -> find("select distinct e from Event e left join fetch e.organisers o "
                + "left join fetch o.lab ol left join fetch ol.municipality where e.id = ?1", id).singleResult());
        return event;
    }

    /** An event with its labs and changed occurrences, not its organisers (one query). */
    public Optional<Event> findWithOverrides(UUID id) {
        return find(WITH_DETAILS + "where e.id = ?1", id).singleResultOptional();
    }

    /** One row of the occurrence table: an occurrence of an event, in UTC. */
    public record Slot(UUID event, LocalDateTime originalStart, Instant start, Instant end, boolean cancelled,
            boolean moved, RegistrationRepository.Counts seats) {
    }

    /**
     * The occurrences {@code o} overlapping [:from, :to): one range of the start index, in its order,
     * from the day before the window (:near), or from the start of the earliest longer occurrence
     * still running then (rare; a partial index finds it; none starts before :earliest).
     */
    private static final String WINDOW = "o.starts_at >= coalesce((select min(x.starts_at) from event_occurrence x"
            + " where x.ends_at - x.starts_at > interval '1 day' and x.starts_at > :earliest"
            + " and x.starts_at < :near and x.ends_at > :from), :near) and o.starts_at < :to and o.ends_at > :from";

    /** Seats taken and the waiting list of an occurrence row {@code o} of an event {@code e} with a capacity. */
    private static final String SEATS = "case when e.capacity is null then 0 else (select coalesce(sum(r.seats), 0)"
            + " from registration r where r.event_id = o.event_id and r.occurrence = o.original_start"
            + " and r.status = '" + RegistrationStatus.CONFIRMED.wireName() + "') end,"
            + " case when e.capacity is null then 0 else (select count(*) from registration r where r.event_id = o.event_id"
            + " and r.occurrence = o.original_start and r.status = '" + RegistrationStatus.WAITLISTED.wireName() + "') end";

    /**
     * One page of the occurrences overlapping [from, to) that the filter and the caller's view
     * admit, by start (then event, as the index orders them), with their total: range queries on the occurrence table,
     * whatever the number of events outside the window or the age of a series. With
     * {@code freeSeatsOnly}, only occurrences open for registration (as
     * {@link RegistrationService#windowOpen}) with a free seat.
     */
    public Page<Slot> window(boolean networkVisible, Filter filter, Instant from, Instant to, boolean freeSeatsOnly,
            Instant now, PageRequest page) {
        // Visibility written out per kind of caller: without a filter, a count of public occurrences
        // reads one partial index (V12), not the occurrences joined with their events.
        SqlFilter query = SqlFilter.from("event_occurrence o", "o.event_id", WINDOW + (networkVisible ? "" : " and o.public"))
                .join("event e on e.id = o.event_id").join("lab l on l.id = e.lead_lab_id")
                .join("municipality m on m.id = l.municipality_id")
                .with("from", utc(from)).with("to", utc(to)).with("near", utc(from.minus(Duration.ofDays(1))))
                .with("earliest", utc(from.minus(Duration.ofDays(367))))
                .with("accepted", InvitationStatus.ACCEPTED.wireName())
                .and("l.slug = :lab or exists (select 1 from event_organiser eo join lab x on x.id = eo.lab_id"
                        + " where eo.event_id = e.id and eo.status = :accepted and x.slug = :lab)", "lab", filter.lab())
                .and("m.slug = :municipality or exists (select 1 from event_organiser eo join lab x on x.id = eo.lab_id"
                        + " join municipality xm on xm.id = x.municipality_id"
                        + " where eo.event_id = e.id and eo.status = :accepted and xm.slug = :municipality)",
                        "municipality", filter.municipality())
                .and("e.category = :category", "category", filter.category())
                .and("e.format = :format", "format", filter.format() == null ? null : filter.format().wireName())
                .and("exists (select 1 from unnest(e.topics) t where lower(t) = lower(:topic))", "topic", filter.topic())
                .matching("e.search_vector", "e.title", filter.text());
        if (freeSeatsOnly) {
            query.and("e.capacity is not null and not o.cancelled"
                    + " and :now < o.starts_at - e.registration_closes_minutes_before * interval '1 minute'"
                    + " and (e.registration_opens_days_before is null"
                    + " or :now >= o.starts_at - e.registration_opens_days_before * interval '24 hours')"
                    + " and e.capacity > (select coalesce(sum(r.seats), 0) from registration r where r.event_id = o.event_id"
                    + " and r.occurrence = o.original_start and r.status = :confirmed)")
                    .with("now", utc(now)).with("confirmed", RegistrationStatus.CONFIRMED.wireName());
        }
        List<Slot> slots = query.select(getEntityManager(),
                "o.event_id, o.original_start, o.starts_at, o.ends_at, o.cancelled, o.moved, " + SEATS,
                "o.starts_at, o.event_id", page.offset(), page.size()).stream()
                .map(row -> new Slot((UUID) row[0], ((Timestamp) row[1]).toLocalDateTime(), ((Timestamp) row[2]).toInstant(),
                        ((Timestamp) row[3]).toInstant(), (Boolean) row[4], (Boolean) row[5],
                        new RegistrationRepository.Counts(((Number) row[6]).intValue(), ((Number) row[7]).intValue())))
                .toList();
        return Page.of(slots, page, query.total(getEntityManager(), page, slots.size()));
    }

    /** Filters of the event (series) list; null means any. */
    public record SeriesFilter(String lab, String municipality, EventStatus status, Visibility visibility, UUID project,
            String text) {
    }

    /**
     * One page of the events the caller may see (public ones only unless {@code networkVisible}),
     * newest first, with their lead lab, organisers and exceptions loaded.
     */
    public Page<Event> series(boolean networkVisible, SeriesFilter filter, PageRequest page) {
        SqlFilter query = SqlFilter.from("event e", "e.id",
                networkVisible ? "true" : "e.visibility = '" + Visibility.PUBLIC.wireName() + "'")
                .join("lab l on l.id = e.lead_lab_id").join("municipality m on m.id = l.municipality_id")
                .with("accepted", InvitationStatus.ACCEPTED.wireName())
                .and("l.slug = :lab or exists (select 1 from event_organiser eo join lab x on x.id = eo.lab_id"
                        + " where eo.event_id = e.id and eo.status = :accepted and x.slug = :lab)", "lab", filter.lab())
                .and("m.slug = :municipality or exists (select 1 from event_organiser eo join lab x on x.id = eo.lab_id"
                        + " join municipality xm on xm.id = x.municipality_id"
                        + " where eo.event_id = e.id and eo.status = :accepted and xm.slug = :municipality)",
                        "municipality", filter.municipality())
                .and("e.status = :status", "status", filter.status() == null ? null : filter.status().wireName())
                .and("e.visibility = :visibility", "visibility",
                        filter.visibility() == null ? null : filter.visibility().wireName())
                .and("e.project_id = :project", "project", filter.project())
                .matching("e.search_vector", "e.title", filter.text());
        return query.page(getEntityManager(), "e.created_at desc, e.id", page, this::withDetails, e -> e.id);
    }

    /** An occurrence as the list of series shows it next. */
    public record Next(LocalDateTime original, Instant start, Instant end) {
    }

    /** Each event's first occurrence that starts at or after {@code now} and is not cancelled. */
    public Map<UUID, Next> nextOccurrences(List<UUID> events, Instant now) {
        Map<UUID, Next> next = new HashMap<>();
        if (events.isEmpty()) {
            return next;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("events", events);
        params.put("now", utc(now));
        NativeSql.list(getEntityManager(), "select distinct on (o.event_id) o.event_id, o.original_start, o.starts_at,"
                + " o.ends_at from event_occurrence o where o.event_id in (:events) and o.starts_at >= :now"
                + " and not o.cancelled order by o.event_id, o.starts_at", params,
                row -> Map.entry(row.getObject(1, UUID.class), new Next(row.getTimestamp(2).toLocalDateTime(),
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        row.getObject(4, OffsetDateTime.class).toInstant())))
                .forEach(entry -> next.put(entry.getKey(), entry.getValue()));
        return next;
    }

    /** Events as an occurrence shows them (lead lab, place), in no particular order. */
    public List<Event> forOccurrences(Collection<UUID> ids) {
        return find("select e from Event e join fetch e.leadLab l join fetch l.municipality"
                + " left join fetch e.placeLab pl left join fetch pl.municipality where array_has(?1, e.id)",
                (Object) ids.toArray(UUID[]::new)).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** Events with what their occurrences depend on (overrides, exceptions), in no particular order. */
    public List<Event> withDetails(List<UUID> ids) {
        return find(WITH_DETAILS + "where array_has(?1, e.id)", (Object) ids.toArray(UUID[]::new)).list();
    }

    /** The event, locked until the transaction ends, so that writes to it are serialised. */
    public Optional<Event> hold(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).flatMap(e -> findWithDetails(id));
    }

    /** The events of a project, public ones only unless {@code networkVisible}, by first start. */
    public List<Event> ofProject(UUID project, boolean networkVisible) {
        return list("projectId = ?1 and (visibility = ?2 or ?3 = true) order by startsLocal, id", project,
                Visibility.PUBLIC, networkVisible);
    }

    /**
     * Events for a calendar feed: public ones (and network ones if asked), narrowed to a lab, a
     * municipality (as organisers) or one event; events (and series) whose last occurrence ended
     * before {@code since} are left out.
     */
    public List<Event> forCalendar(boolean network, String lab, String municipality, UUID event, Instant since) {
        Where where = visible(network).and("e.lastEndsAt is null or e.lastEndsAt > :since", "since", utc(since))
                .and("e.id = :event", "event", event);
        organisedBy(where, lab, municipality);
        return find(WITH_DETAILS + where + " order by e.startsLocal, e.id", where.params()).list();
    }

    private static Where visible(boolean network) {
        return Where.of("e.visibility = :public or :network = true").with("public", Visibility.PUBLIC)
                .with("network", network);
    }

    /** Led by the lab (or a lab of the municipality), or co-organised by it. */
    private static Where organisedBy(Where where, String lab, String municipality) {
        return where.with("accepted", InvitationStatus.ACCEPTED)
                .and("l.slug = :lab or exists (select 1 from Event e2 join e2.organisers o"
                        + " where e2 = e and o.status = :accepted and o.lab.slug = :lab)", "lab", lab)
                .and("l.municipality.slug = :municipality or exists (select 1 from Event e3 join e3.organisers o3"
                        + " where e3 = e and o3.status = :accepted and o3.lab.municipality.slug = :municipality)",
                        "municipality", municipality);
    }
}
