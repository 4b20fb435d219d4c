package de.stadtlabore.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.security.Secrets;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.events.dto.RegistrationInput;

/**
 * Citizens register for occurrences without an account. Never overbooked: registrations and
 * cancellations of one occurrence are serialised by a database lock, so that the confirmed
 * seats never exceed the capacity, however many arrive at once and on however many replicas.
 */
@ApplicationScoped
public class RegistrationService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'",
            Locale.GERMAN);

    /** A new registration and the secret of its cancel link (shown once). */
    public record Created(Registration registration, String token, Integer waitlistPosition) {
    }

    @Inject
    EventService events;

    @Inject
    RegistrationRepository registrations;

    @Inject
    AuditLog audit;

    @Inject
    RegistrationConfig config;

    @Inject
    Event<RegistrationMails.Message> mails;

    @Transactional
    public Created register(UUID eventId, LocalDateTime occurrence, RegistrationInput input) {
        de.stadtlabore.events.Event event = events.get(eventId);
        if (event.capacity == null) {
            throw new ApiException(ProblemType.CONFLICT, "detail.no-registration");
        }
        int seats = input.seats() == null ? 1 : input.seats();
        if (!Boolean.TRUE.equals(input.consent())) {
            throw ApiException.invalid(List.of(new Violation("consent", "field.consent-required")));
        }
        if (seats > event.maxSeatsPerRegistration) {
            throw ApiException.invalid(List.of(new Violation("seats", "field.max", event.maxSeatsPerRegistration)));
        }
        Occurrence o = occurrence(event, occurrence);
        if (o.cancelled()) {
            throw new ApiException(ProblemType.CONFLICT, "detail.occurrence-cancelled");
        }
        requireWindowOpen(event, o);

        registrations.lockOccurrence(event.id, occurrence);
        if (registrations.activeWithEmail(event.id, occurrence, input.email())) {
            throw new ApiException(ProblemType.CONFLICT, "detail.already-registered");
        }
        boolean fits = registrations.confirmedSeats(event.id, occurrence) + seats <= event.capacity
                && registrations.waitlist(event.id, occurrence).isEmpty();
        String token = Secrets.random(24);
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.event = event;
        r.occurrence = occurrence;
        r.occurrenceEndsAt = o.end().toOffsetDateTime();
        r.name = input.name().strip();
        r.email = input.email().strip();
        r.seats = seats;
        r.status = fits ? "confirmed" : "waitlisted";
        r.cancelTokenHash = Secrets.sha256Hex(token);
        r.consentAt = Timestamps.now();
        r.createdAt = r.consentAt;
        registrations.persist(r);
        Integer position = fits ? null : registrations.waitlist(event.id, occurrence).size();
        audit.record("registration.create", "registration", r.id.toString(), event.leadLab.municipality.id);
        mails.fire(new RegistrationMails.Message(r.email,
                (fits ? "Anmeldung bestätigt: " : "Warteliste: ") + event.title,
                text(r, o, token, fits ? "Ihre Anmeldung ist bestätigt." : "Die Veranstaltung ist ausgebucht; Sie stehen auf "
                        + "Platz " + position + " der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.")));
        return new Created(r, token, position);
    }

    /** The registrant's view of their registration. */
    @Transactional
    public Registration get(UUID id, String token) {
        Registration r = registrations.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("detail.registration-not-found", id));
        requireToken(r, token);
        return r;
    }

    /** Cancels with the secret from the link; the first on the waiting list who fits moves up. */
    @Transactional
    public Registration cancel(UUID id, String token) {
        Registration r = get(id, token);
        registrations.lockOccurrence(r.event.id, r.occurrence);
        registrations.getEntityManager().refresh(r);
        if ("cancelled".equals(r.status)) {
            return r;
        }
        boolean freesSeats = "confirmed".equals(r.status);
        r.status = "cancelled";
        r.cancelledAt = Timestamps.now();
        audit.record("registration.cancel", "registration", r.id.toString(), r.event.leadLab.municipality.id);
        if (freesSeats) {
            promote(r.event, r.occurrence);
        }
        return r;
    }

    /** Registrations of an occurrence, for its organisers. */
    @Transactional
    public List<Registration> list(UUID eventId, LocalDateTime occurrence) {
        de.stadtlabore.events.Event event = events.get(eventId);
        events.requireOrganiser(event);
        occurrence(event, occurrence);
        return registrations.forOccurrence(eventId, occurrence);
    }

    /** Erases names and e-mail addresses of registrations whose occurrence is long over. */
    @Transactional
    public int erasePersonalData() {
        return registrations.update("name = null, email = null, erasedAt = ?1 where erasedAt is null and occurrenceEndsAt < ?2",
                Timestamps.now(), Timestamps.now().minus(config.retention()));
    }

    private void promote(de.stadtlabore.events.Event event, LocalDateTime occurrence) {
        int free = event.capacity - registrations.confirmedSeats(event.id, occurrence);
        Occurrence o = occurrence(event, occurrence);
        for (Registration waiting : registrations.waitlist(event.id, occurrence)) {
            if (waiting.seats > free) {
                break; // first come, first served: nobody overtakes a larger group
            }
            waiting.status = "confirmed";
            waiting.promotedAt = Timestamps.now();
            free -= waiting.seats;
            audit.record("registration.promote", "registration", waiting.id.toString(), event.leadLab.municipality.id);
            mails.fire(new RegistrationMails.Message(waiting.email, "Platz frei: " + event.title,
                    text(waiting, o, null, "Es ist ein Platz frei geworden: Ihre Anmeldung ist jetzt bestätigt.")));
        }
    }

    private Occurrence occurrence(de.stadtlabore.events.Event event, LocalDateTime original) {
        Instant at = original.atZone(java.time.ZoneId.of(event.timeZone)).toInstant();
        return Recurrences.expand(event, at.minus(Recurrences.MAX_MOVE).minus(Duration.ofDays(1)),
                at.plus(Recurrences.MAX_MOVE).plus(Duration.ofDays(1))).stream()
                .filter(o -> o.originalStart().equals(original)).findFirst()
                .orElseThrow(() -> ApiException.notFound("detail.occurrence-not-found", original));
    }

    static boolean windowOpen(de.stadtlabore.events.Event event, Occurrence o, Instant now) {
        Instant start = o.start().toInstant();
        boolean closed = !now.isBefore(start.minus(Duration.ofMinutes(event.registrationClosesMinutesBefore)));
        boolean notYet = event.registrationOpensDaysBefore != null
                && now.isBefore(start.minus(Duration.ofDays(event.registrationOpensDaysBefore)));
        return !closed && !notYet;
    }

    private static void requireWindowOpen(de.stadtlabore.events.Event event, Occurrence o) {
        if (!windowOpen(event, o, Instant.now())) {
            throw new ApiException(ProblemType.CONFLICT, "detail.registration-closed");
        }
    }

    private static void requireToken(Registration r, String token) {
        if (!Secrets.matches(token, r.cancelTokenHash)) {
            throw new ApiException(ProblemType.FORBIDDEN, "detail.wrong-registration-token");
        }
    }

    private String text(Registration r, Occurrence o, String token, String news) {
        StringBuilder text = new StringBuilder("Hallo ").append(r.name).append(",\n\n").append(news).append("\n\n")
                .append(o.event().title).append("\n").append(WHEN.format(o.start())).append("\n")
                .append("Plätze: ").append(r.seats).append("\n");
        if (token != null) {
            text.append("\nIhre Anmeldung ansehen oder stornieren: ")
                    .append(config.link().replace("{id}", r.id.toString()).replace("{token}", token)).append("\n");
        }
        return text.append("\nIhre Stadtlabore\n").toString();
    }

}
