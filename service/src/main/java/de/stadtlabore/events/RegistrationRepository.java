package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /** Seat counts of one occurrence. */
    public record Counts(int confirmedSeats, int waitlisted) {
        static final Counts NONE = new Counts(0, 0);
    }

    /**
     * Serialises registrations and cancellations of one occurrence until the transaction ends:
     * a PostgreSQL advisory lock, so that it holds across replicas.
     */
    public void lockOccurrence(UUID event, LocalDateTime occurrence) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", event + "@" + occurrence).getSingleResult();
    }

    public int confirmedSeats(UUID event, LocalDateTime occurrence) {
        Long seats = getEntityManager().createQuery("select coalesce(sum(r.seats), 0) from Registration r "
                + "where r.event.id = :e and r.occurrence = :o and r.status = 'confirmed'", Long.class)
                .setParameter("e", event).setParameter("o", occurrence).getSingleResult();
        return seats.intValue();
    }

    public boolean activeWithEmail(UUID event, LocalDateTime occurrence, String email) {
        return count("event.id = ?1 and occurrence = ?2 and lower(email) = lower(?3) and status in ('confirmed', 'waitlisted')",
                event, occurrence, email) > 0;
    }

    /** The waiting list of an occurrence, first come first. */
    public List<Registration> waitlist(UUID event, LocalDateTime occurrence) {
        return list("event.id = ?1 and occurrence = ?2 and status = 'waitlisted' order by createdAt, id", event,
                occurrence);
    }

    public List<Registration> forOccurrence(UUID event, LocalDateTime occurrence) {
        return list("event.id = ?1 and occurrence = ?2 order by createdAt, id", event, occurrence);
    }

    /** Counts for the occurrences of some events, keyed by event id and occurrence. */
    public Map<String, Counts> counts(Collection<UUID> events) {
        Map<String, Counts> counts = new HashMap<>();
        if (events.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery("select r.event.id, r.occurrence, "
                + "coalesce(sum(case when r.status = 'confirmed' then r.seats else 0 end), 0), "
                + "sum(case when r.status = 'waitlisted' then 1 else 0 end) from Registration r "
                + "where r.event.id in :events and r.status in ('confirmed', 'waitlisted') "
                + "group by r.event.id, r.occurrence", Object[].class)
                .setParameter("events", events).getResultList();
        for (Object[] row : rows) {
            counts.put(key((UUID) row[0], (LocalDateTime) row[1]),
                    new Counts(((Number) row[2]).intValue(), ((Number) row[3]).intValue()));
        }
        return counts;
    }

    static String key(UUID event, LocalDateTime occurrence) {
        return event + "@" + occurrence;
    }
}
