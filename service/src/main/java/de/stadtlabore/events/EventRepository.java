package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import de.stadtlabore.common.domain.InvitationStatus;
import de.stadtlabore.common.domain.Visibility;
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
        Optional<Event> event = find(WITH_DETAILS + "where e.id = ?1", id).singleResultOptional();
        event.ifPresent(e -> find("select distinct e from Event e left join fetch e.organisers o "
                + "left join fetch o.lab ol left join fetch ol.municipality where e.id = ?1", id).singleResult());
        return event;
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
     * Events that may have occurrences in the local-time window [from, to): single events
     * starting in it (give or take a day for time zones), series that started before its end.
     */
    public List<Event> candidates(boolean networkVisible, Filter filter, LocalDateTime from, LocalDateTime to) {
        Where where = visible(networkVisible)
                .and("(e.rrule is null and e.endsLocal > :from and e.startsLocal < :to)"
                        + " or (e.rrule is not null and e.startsLocal < :to)")
                .with("from", from.minusDays(1)).with("to", to.plusDays(1));
        organisedBy(where, filter.lab(), filter.municipality())
                .and("e.category = :category", "category", filter.category())
                .and("e.format = :format", "format", filter.format());
        if (filter.topic() != null || filter.text() != null) {
            List<UUID> matching = matchingText(filter.topic(), filter.text());
            where.and("e.id in :matching", "matching", matching.isEmpty() ? List.of(new UUID(0, 0)) : matching);
        }
        return find(WITH_DETAILS + where, where.params()).list();
    }

    /**
     * Events for a calendar feed: public ones (and network ones if asked), narrowed to a lab, a
     * municipality (as organisers) or one event; single events that ended before {@code since}
     * are left out.
     */
    public List<Event> forCalendar(boolean network, String lab, String municipality, UUID event,
            LocalDateTime since) {
        Where where = visible(network).and("e.rrule is not null or e.endsLocal > :since", "since", since)
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

    private List<UUID> matchingText(String topic, String text) {
        return SqlFilter.from("event", "id", "true")
                .and("exists (select 1 from unnest(topics) t where lower(t) = lower(:topic))", "topic", topic)
                .matching("search_vector", "title", text)
                .ids(getEntityManager());
    }
}
