package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    private static final String WITH_DETAILS = "select distinct e from Event e join fetch e.leadLab l "
            + "join fetch l.municipality left join fetch e.placeLab pl left join fetch e.overrides ";

    /** Filters of the occurrence list; null means any. */
    public record Filter(String lab, String municipality, String category, String topic, String format,
            String text) {
    }

    /** An event with everything its representation shows (two queries: two collections). */
    public Optional<Event> findWithDetails(UUID id) {
        Optional<Event> event = find(WITH_DETAILS + "where e.id = ?1", id).firstResultOptional();
        event.ifPresent(e -> find("select distinct e from Event e left join fetch e.organisers o "
                + "left join fetch o.lab ol left join fetch ol.municipality where e.id = ?1", id).firstResult());
        return event;
    }

    /**
     * Events that may have occurrences in the local-time window [from, to): single events
     * starting in it (give or take a day for time zones), series that started before its end.
     */
    public List<Event> candidates(boolean networkVisible, Filter filter, LocalDateTime from, LocalDateTime to) {
        StringBuilder where = new StringBuilder("where (e.visibility = 'public' or :network = true)"
                + " and ((e.rrule is null and e.endsLocal > :from and e.startsLocal < :to)"
                + " or (e.rrule is not null and e.startsLocal < :to))");
        Map<String, Object> params = new HashMap<>();
        params.put("network", networkVisible);
        params.put("from", from.minusDays(1));
        params.put("to", to.plusDays(1));
        String organising = " and (l.slug = :lab or exists (select 1 from Event e2 join e2.organisers o"
                + " where e2 = e and o.status = 'accepted' and o.lab.slug = :lab))";
        if (filter.lab() != null) {
            where.append(organising);
            params.put("lab", filter.lab());
        }
        if (filter.municipality() != null) {
            where.append(" and (l.municipality.slug = :municipality or exists (select 1 from Event e3 join e3.organisers o3"
                    + " where e3 = e and o3.status = 'accepted' and o3.lab.municipality.slug = :municipality))");
            params.put("municipality", filter.municipality());
        }
        if (filter.category() != null) {
            where.append(" and e.category = :category");
            params.put("category", filter.category());
        }
        if (filter.format() != null) {
            where.append(" and e.format = :format");
            params.put("format", filter.format());
        }
        if (filter.topic() != null || filter.text() != null) {
            List<UUID> matching = matchingText(filter.topic(), filter.text());
            where.append(" and e.id in :matching");
            params.put("matching", matching.isEmpty() ? List.of(new UUID(0, 0)) : matching);
        }
        return find(WITH_DETAILS + where, params).list();
    }

    /**
     * Events for a calendar feed: public ones (and network ones if asked), narrowed to a lab, a
     * municipality (as organisers) or one event; single events that ended before {@code since}
     * are left out.
     */
    public List<Event> forCalendar(boolean network, String lab, String municipality, UUID event,
            LocalDateTime since) {
        StringBuilder where = new StringBuilder("where (e.visibility = 'public' or :network = true)"
                + " and (e.rrule is not null or e.endsLocal > :since)");
        Map<String, Object> params = new HashMap<>();
        params.put("network", network);
        params.put("since", since);
        if (event != null) {
            where.append(" and e.id = :event");
            params.put("event", event);
        }
        if (lab != null) {
            where.append(" and (l.slug = :lab or exists (select 1 from Event e2 join e2.organisers o"
                    + " where e2 = e and o.status = 'accepted' and o.lab.slug = :lab))");
            params.put("lab", lab);
        }
        if (municipality != null) {
            where.append(" and (l.municipality.slug = :municipality or exists (select 1 from Event e3 join e3.organisers o3"
                    + " where e3 = e and o3.status = 'accepted' and o3.lab.municipality.slug = :municipality))");
            params.put("municipality", municipality);
        }
        return find(WITH_DETAILS + where + " order by e.startsLocal, e.id", params).list();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> matchingText(String topic, String text) {
        StringBuilder sql = new StringBuilder("select id from event where true");
        if (topic != null) {
            sql.append(" and exists (select 1 from unnest(topics) t where lower(t) = lower(:topic))");
        }
        if (text != null) {
            sql.append(" and (search_vector @@ websearch_to_tsquery('german', :text) or title ilike '%' || :pattern || '%' escape '\\')");
        }
        var query = getEntityManager().createNativeQuery(sql.toString(), UUID.class);
        if (topic != null) {
            query.setParameter("topic", topic);
        }
        if (text != null) {
            query.setParameter("text", text);
            query.setParameter("pattern", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        return query.getResultList();
    }
}
