package de.stadtlabore.events;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import de.stadtlabore.common.persistence.NativeSql;
import de.stadtlabore.common.persistence.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /**
     * In SQL, not HQL: Hibernate renders parameters of a select clause as literals and would
     * translate the query again for every registration.
     */
    private static final String OCCUPANCY = "select coalesce(sum(seats) filter (where status = '"
            + RegistrationStatus.CONFIRMED.wireName() + "'), 0), count(*) filter (where status = '"
            + RegistrationStatus.WAITLISTED.wireName() + "'), count(*) filter (where status in ("
            + RegistrationStatus.ACTIVE.stream().map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "))
            + ") and lower(email) = lower(:email)) > 0 from registration where event_id = :e and occurrence = :o";

    /** Seat counts of one occurrence. */
    public record Counts(int confirmedSeats, int waitlisted) {
    }

    /**
     * Serialises registrations and cancellations of one occurrence until the transaction ends:
     * a PostgreSQL advisory lock, so that it holds across replicas.
     */
    public void lockOccurrence(UUID event, LocalDateTime occurrence) {
        AdvisoryLocks.lock(getEntityManager(), key(event, occurrence));
    }

    /** What a new registration of one occurrence must know, in one query. */
    public record Occupancy(int confirmedSeats, int waitlisted, boolean emailTaken) {
    }

    /** The seats taken and the waiting list of an occurrence, and whether an address has an active registration. */
    public Occupancy occupancy(UUID event, LocalDateTime occurrence, String email) {
        return NativeSql.list(getEntityManager(), OCCUPANCY, Map.of("email", email, "e", event, "o", occurrence),
                row -> new Occupancy(row.getInt(1), row.getInt(2), row.getBoolean(3))).get(0);
    }

    public int confirmedSeats(UUID event, LocalDateTime occurrence) {
        Long seats = getEntityManager().createQuery("select coalesce(sum(r.seats), 0) from Registration r "
                + "where r.event.id = :e and r.occurrence = :o and r.status = :confirmed", Long.class)
                .setParameter("e", event).setParameter("o", occurrence)
                .setParameter("confirmed", RegistrationStatus.CONFIRMED).getSingleResult();
        return seats.intValue();
    }

    /** The waiting list of an occurrence, first come first. */
    public List<Registration> waitlist(UUID event, LocalDateTime occurrence) {
        return list("event.id = ?1 and occurrence = ?2 and status = ?3 order by createdAt, id", event, occurrence,
                RegistrationStatus.WAITLISTED);
    }

    public List<Registration> forOccurrence(UUID event, LocalDateTime occurrence) {
        return list("event.id = ?1 and occurrence = ?2 order by createdAt, id", event, occurrence);
    }

    /** The occurrences of an event that have registrations. */
    public List<LocalDateTime> occurrencesOf(UUID event) {
        // In order: whoever locks several occurrences of an event locks them in this order.
        return getEntityManager().createQuery("select distinct r.occurrence from Registration r where r.event.id = :e"
                + " order by r.occurrence",
                LocalDateTime.class).setParameter("e", event).getResultList();
    }

    /**
     * Registrants' data of an occurrence is kept until it ended (and then for the retention
     * period). Takes the occurrence's lock first, like every write to its registrations, so that
     * it never waits for rows that a cancellation holds while that one waits for these.
     */
    public void keepUntil(UUID event, LocalDateTime occurrence, OffsetDateTime end) {
        lockOccurrence(event, occurrence);
        update("occurrenceEndsAt = ?1 where event.id = ?2 and occurrence = ?3", end, event, occurrence);
    }

    /** Erases names and e-mail addresses of registrations whose occurrence ended before {@code before}. */
    public int erasePersonalData(OffsetDateTime now, OffsetDateTime before) {
        return update("name = null, email = null, erasedAt = ?1 where erasedAt is null and occurrenceEndsAt < ?2", now,
                before);
    }

    /** Whether some registration not yet erased has this address. */
    public boolean holdsAddress(String email) {
        return find("email is not null and lower(email) = lower(?1)", email).firstResultOptional().isPresent();
    }

    /** The registrations not yet erased of one address, with their events, labs and municipalities. */
    public List<Registration> ofAddress(String email) {
        return find("from Registration r join fetch r.event e join fetch e.leadLab l join fetch l.municipality"
                + " where r.email is not null and lower(r.email) = lower(?1) order by r.occurrence, r.id", email).list();
    }

    static String key(UUID event, LocalDateTime occurrence) {
        return event + "@" + occurrence;
    }
}
