package de.stadtlabore.events;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.problem.Violation;
import de.stadtlabore.common.ratelimit.RateLimiter;
import de.stadtlabore.common.security.Secrets;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.events.dto.AddressErasure;
import de.stadtlabore.events.dto.ConsentText;
import de.stadtlabore.events.dto.RegistrationInput;
import de.stadtlabore.events.dto.RegistrationOfAddress;
import de.stadtlabore.events.dto.RegistrationView;

/**
 * Citizens register for occurrences without an account. Never overbooked: registrations and
 * cancellations of one occurrence are serialised by a database lock, so that the confirmed
 * seats never exceed the capacity, however many arrive at once and on however many replicas.
 */
@ApplicationScoped
public class RegistrationService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy, HH:mm 'Uhr'",
            Locale.GERMAN);

    @Inject
    EventChanges eventChanges;

    @Inject
    EventService events;

    @Inject
    RegistrationRepository registrations;

    @Inject
    AuditLog audit;

    @Inject
    RegistrationConfig config;

    @Inject
    jakarta.enterprise.event.Event<RegistrationMails.Message> mails;

    @Inject
    RateLimiter limits;

    @Inject
    ConsentTexts consentTexts;

    /** Registers; the answer carries the secret of the cancel link, which is shown only here. */
    @Transactional
    public RegistrationView register(UUID eventId, LocalDateTime occurrence, RegistrationInput input) {
        Event event = events.visibleForRegistration(eventId);
        if (event.capacity == null) {
            throw new ApiException(ProblemType.CONFLICT, "detail.no-registration");
        }
        int seats = input.seats() == null ? 1 : input.seats();
        if (!Boolean.TRUE.equals(input.consent())) {
            throw ApiException.invalid(List.of(new Violation("consent", "field.consent-required")));
        }
        ConsentText consent = consentTexts.current();
        if (input.consentVersion() != null && !input.consentVersion().equals(consent.version())) {
            // The frontend showed another text than the one in force: the registrant must see it.
            throw new ApiException(ProblemType.CONFLICT, "detail.consent-text-changed", consent.version());
        }
        if (seats > event.maxSeatsPerRegistration) {
            throw ApiException.invalid(List.of(new Violation("seats", "field.max", event.maxSeatsPerRegistration)));
        }
        Occurrence o = occurrence(event, occurrence);
        if (o.cancelled()) {
            throw new ApiException(ProblemType.CONFLICT, "detail.occurrence-cancelled");
        }
        if (!windowOpen(event, o, Instant.now())) {
            throw new ApiException(ProblemType.CONFLICT, "detail.registration-closed");
        }
        limits.require(limits.registrationEmail(), Secrets.sha256Hex(input.email().strip().toLowerCase(Locale.ROOT)));

        // From here until the commit, registrations of this occurrence wait for each other: keep it short.
        registrations.lockOccurrence(event.id, occurrence);
        RegistrationRepository.Occupancy taken = registrations.occupancy(event.id, occurrence, input.email());
        if (taken.emailTaken()) {
            throw new ApiException(ProblemType.CONFLICT, "detail.already-registered");
        }
        boolean fits = taken.confirmedSeats() + seats <= event.capacity && taken.waitlisted() == 0;
        String token = Secrets.random(24);
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.event = event;
        r.occurrence = occurrence;
        r.occurrenceEndsAt = o.end().toOffsetDateTime();
        r.name = input.name().strip();
        r.email = input.email().strip();
        r.seats = seats;
        r.status = fits ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        r.cancelTokenHash = Secrets.sha256Hex(token);
        r.consentAt = Timestamps.now();
        r.consentVersion = consent.version();
        r.createdAt = r.consentAt;
        registrations.persist(r);
        Integer position = fits ? null : taken.waitlisted() + 1;
        audit.record("registration.create", "registration", r.id.toString(), event.leadLab.municipality.id);
        eventChanges.seats(event, occurrence);
        mails.fire(new RegistrationMails.Message(r.email,
                (fits ? "Anmeldung bestätigt: " : "Warteliste: ") + event.title,
                text(r, o, token, fits ? "Ihre Anmeldung ist bestätigt." : "Die Veranstaltung ist ausgebucht; Sie stehen auf "
                        + "Platz " + position + " der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.")));
        return EventMapper.view(r, position, token);
    }

    /** The registrant's view of their registration, with the secret from the link. */
    @Transactional
    public RegistrationView get(UUID id, String token) {
        return EventMapper.view(withToken(id, token), null, null);
    }

    /** Cancels with the secret from the link; the first on the waiting list who fits moves up. */
    @Transactional
    public RegistrationView cancel(UUID id, String token) {
        Registration r = withToken(id, token);
        registrations.lockOccurrence(r.event.id, r.occurrence);
        registrations.getEntityManager().refresh(r);
        if (r.status == RegistrationStatus.CANCELLED) {
            return EventMapper.view(r, null, null);
        }
        audit.record("registration.cancel", "registration", r.id.toString(), r.event.leadLab.municipality.id);
        cancel(r, CancelledBy.REGISTRANT);
        eventChanges.seats(r.event, r.occurrence);
        return EventMapper.view(r, null, null);
    }

    /**
     * An organiser cancels a registration of an occurrence, perhaps as spam. A spam registration
     * gets no mail: the service never writes to an address an abuser made up.
     */
    @Transactional
    public RegistrationView cancelByOrganiser(UUID eventId, LocalDateTime occurrence, UUID id, boolean spam) {
        Event event = events.visible(eventId);
        events.requireOrganiser(event);
        Registration r = registrations.findByIdOptional(id)
                .filter(found -> found.event.id.equals(eventId) && found.occurrence.equals(occurrence))
                .orElseThrow(() -> ApiException.notFound("detail.registration-not-found", id));
        registrations.lockOccurrence(eventId, occurrence);
        registrations.getEntityManager().refresh(r);
        boolean wasActive = r.status != RegistrationStatus.CANCELLED;
        audit.record(spam ? "registration.spam" : "registration.cancel-by-organiser", "registration", r.id.toString(),
                event.leadLab.municipality.id);
        if (wasActive) {
            cancel(r, CancelledBy.ORGANISER);
            eventChanges.seats(event, occurrence);
        }
        r.spam = r.spam || spam;
        if (wasActive && !r.spam && r.email != null) {
            mails.fire(new RegistrationMails.Message(r.email, "Anmeldung storniert: " + event.title,
                    text(r, occurrence(event, occurrence), null,
                            "Das Team der Veranstaltung hat Ihre Anmeldung storniert.")));
        }
        return EventMapper.view(r, null, null);
    }

    /**
     * Cancels an active registration and lets the waiting list move up: into the seats a
     * confirmed one frees, or behind a waiting group that did not fit and now is gone.
     */
    private void cancel(Registration r, CancelledBy by) {
        r.status = r.status.moveTo(RegistrationStatus.CANCELLED);
        r.cancelledAt = Timestamps.now();
        r.cancelledBy = by;
        promote(r.event, r.occurrence);
    }

    /** Registrations of an occurrence, with names and addresses, for its organisers. */
    @Transactional
    public List<RegistrationView> list(UUID eventId, LocalDateTime occurrence) {
        Event event = events.visible(eventId);
        events.requireOrganiser(event);
        occurrence(event, occurrence);
        // Names and addresses are personal data: who read them is on record.
        audit.record("registration.list-read", "occurrence", eventId + "/" + occurrence, event.leadLab.municipality.id);
        return registrations.forOccurrence(eventId, occurrence).stream().map(r -> EventMapper.view(r, null, null))
                .toList();
    }

    /** Erases names and e-mail addresses of registrations whose occurrence is long over. */
    @Transactional
    public int erasePersonalData() {
        return registrations.erasePersonalData(Timestamps.now(), Timestamps.now().minus(config.retention()));
    }

    /** The consent text registrants accept now. */
    public ConsentText currentConsent() {
        return consentTexts.current();
    }

    /** Every version of the consent text, oldest first. */
    public List<ConsentText> consentVersions() {
        return consentTexts.all();
    }

    /** Whether the network holds data about this address: a registration not yet erased. */
    @Transactional
    public boolean holdsAddress(String email) {
        return registrations.holdsAddress(email);
    }

    /** Every registration of one address, across events and municipalities, for a data export. */
    @Transactional
    public List<RegistrationOfAddress> ofAddress(String email) {
        return registrations.ofAddress(email).stream().map(EventMapper::ofAddress).toList();
    }

    /**
     * Erases one address everywhere: registrations whose occurrence has not ended are cancelled
     * (the waiting list moves up, as when the registrant cancels), and every registration loses
     * name and address. Each occurrence's lock is taken, in a fixed order, before its
     * registrations change, as for every other change of its seats. Erasing again changes
     * nothing.
     */
    @Transactional
    public AddressErasure eraseAddress(String email) {
        return eraseAddress(email, null);
    }

    /** Like {@link #eraseAddress(String)}, for the events led by one municipality's labs only (null: all). */
    @Transactional
    public AddressErasure eraseAddress(String email, UUID ofMunicipality) {
        Map<String, List<Registration>> byOccurrence = registrations.ofAddress(email).stream()
                .filter(r -> ofMunicipality == null || r.event.leadLab.municipality.id.equals(ofMunicipality))
                .collect(Collectors
                .groupingBy(r -> RegistrationRepository.key(r.event.id, r.occurrence), TreeMap::new, Collectors.toList()));
        OffsetDateTime now = Timestamps.now();
        int cancelled = 0;
        int erased = 0;
        Set<UUID> municipalities = new HashSet<>();
        for (List<Registration> ofOccurrence : byOccurrence.values()) {
            Registration first = ofOccurrence.get(0);
            registrations.lockOccurrence(first.event.id, first.occurrence);
            boolean seatsChanged = false;
            for (Registration r : ofOccurrence) {
                registrations.getEntityManager().refresh(r);
                if (r.erasedAt != null) {
                    continue; // erased meanwhile, by another erasure or the retention job
                }
                UUID lead = r.event.leadLab.municipality.id;
                municipalities.add(lead);
                if (r.status != RegistrationStatus.CANCELLED && r.occurrenceEndsAt.isAfter(now)) {
                    seatsChanged = true;
                    cancel(r, CancelledBy.REGISTRANT);
                    cancelled++;
                }
                r.name = null;
                r.email = null;
                r.erasedAt = now;
                erased++;
                audit.record("registration.erase", "registration", r.id.toString(), lead);
            }
            if (seatsChanged) {
                eventChanges.seats(first.event, first.occurrence);
            }
        }
        return new AddressErasure(cancelled, erased, Set.copyOf(municipalities));
    }

    private Registration withToken(UUID id, String token) {
        Registration r = registrations.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("detail.registration-not-found", id));
        if (!Secrets.matches(token, r.cancelTokenHash)) {
            throw new ApiException(ProblemType.FORBIDDEN, "detail.wrong-registration-token");
        }
        return r;
    }

    private void promote(Event event, LocalDateTime occurrence) {
        Optional<Occurrence> still = existingOccurrence(event, occurrence);
        if (event.capacity == null || still.isEmpty()) {
            return; // registration was switched off, or the occurrence no longer takes place: nobody moves up
        }
        int free = event.capacity - registrations.confirmedSeats(event.id, occurrence);
        Occurrence o = still.get();
        for (Registration waiting : registrations.waitlist(event.id, occurrence)) {
            if (waiting.seats > free) {
                break; // first come, first served: nobody overtakes a larger group
            }
            waiting.status = waiting.status.moveTo(RegistrationStatus.CONFIRMED);
            waiting.promotedAt = Timestamps.now();
            free -= waiting.seats;
            audit.record("registration.promote", "registration", waiting.id.toString(), event.leadLab.municipality.id);
            mails.fire(new RegistrationMails.Message(waiting.email, "Platz frei: " + event.title,
                    text(waiting, o, null, "Es ist ein Platz frei geworden: Ihre Anmeldung ist jetzt bestätigt.")));
        }
    }

    private static Occurrence occurrence(Event event, LocalDateTime original) {
        return existingOccurrence(event, original)
                .orElseThrow(() -> ApiException.notFound("detail.occurrence-not-found", original));
    }

    private static Optional<Occurrence> existingOccurrence(Event event, LocalDateTime original) {
        Instant at = original.atZone(ZoneId.of(event.timeZone)).toInstant();
        return Recurrences.expand(event, at.minus(Recurrences.MAX_MOVE).minus(Duration.ofDays(1)),
                at.plus(Recurrences.MAX_MOVE).plus(Duration.ofDays(1))).stream()
                .filter(o -> o.originalStart().equals(original)).findFirst();
    }

    static boolean windowOpen(Event event, Occurrence o, Instant now) {
        Instant start = o.start().toInstant();
        boolean closed = !now.isBefore(start.minus(Duration.ofMinutes(event.registrationClosesMinutesBefore)));
        boolean notYet = event.registrationOpensDaysBefore != null
                && now.isBefore(start.minus(Duration.ofDays(event.registrationOpensDaysBefore)));
        return !closed && !notYet;
    }

    private String text(Registration r, Occurrence o, String token, String news) {
        // The registrant's name is not in the mail: nothing a stranger typed reaches the address.
        StringBuilder text = new StringBuilder("Guten Tag,\n\n").append(news).append("\n\n")
                .append(o.event().title).append("\n").append(WHEN.format(o.start())).append("\n")
                .append("Plätze: ").append(r.seats).append("\n");
        if (token != null) {
            text.append("\nIhre Anmeldung ansehen oder stornieren: ")
                    .append(config.link().replace("{id}", r.id.toString()).replace("{token}", token)).append("\n");
        }
        return text.append("\nIhre Stadtlabore\n").toString();
    }
}
