package de.stadtlabore.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import de.stadtlabore.access.Action;
import de.stadtlabore.audit.AuditConfig;
import de.stadtlabore.audit.AuditLog;
import de.stadtlabore.common.mail.Mailer;
import de.stadtlabore.common.problem.ApiException;
import de.stadtlabore.common.problem.ProblemType;
import de.stadtlabore.common.ratelimit.RateLimitConfig;
import de.stadtlabore.common.ratelimit.RateLimiter;
import de.stadtlabore.common.security.Secrets;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.events.RegistrationConfig;
import de.stadtlabore.events.RegistrationService;
import de.stadtlabore.events.dto.AddressErasure;
import de.stadtlabore.events.dto.ConsentText;
import de.stadtlabore.events.dto.RegistrationOfAddress;
import de.stadtlabore.idempotency.IdempotencyConfig;
import de.stadtlabore.municipalities.MunicipalityService;
import de.stadtlabore.privacy.dto.DataCategory;
import de.stadtlabore.privacy.dto.DataExport;
import de.stadtlabore.privacy.dto.ErasureResult;
import de.stadtlabore.privacy.dto.PrivacyNotice;
import de.stadtlabore.privacy.dto.PrivacyRequestAccepted;
import de.stadtlabore.privacy.dto.Texts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Citizens' rights over their data (GDPR Art. 15, 17, 20): a citizen asks with an e-mail address,
 * gets a mail with a secret link that expires, and with it downloads what the network holds about
 * the address or has it erased. Nobody learns from the answer whether the address is known.
 * Every export and erasure is audited for each municipality whose data it touched, under the
 * request's id: never with the address.
 */
@ApplicationScoped
public class PrivacyService {

    private static final Logger LOG = Logger.getLogger(PrivacyService.class);

    @Inject
    PrivacyRequestRepository requests;

    @Inject
    RegistrationService registrations;

    @Inject
    RateLimiter limits;

    @Inject
    AuditLog audit;

    @Inject
    Mailer mailer;

    @Inject
    PrivacyConfig config;

    @Inject
    RegistrationConfig registrationConfig;

    @Inject
    RateLimitConfig rateLimitConfig;

    @Inject
    IdempotencyConfig idempotencyConfig;

    @Inject
    AuditConfig auditConfig;

    @Inject
    MunicipalityService municipalities;

    /**
     * Takes a request and answers at once, the same for every address: whether the network holds
     * data about it, and the mail with the link if it does, are dealt with afterwards, off the
     * request, so that not even the time of the answer tells. Beyond the address's allowance no
     * more mails go to it.
     */
    public PrivacyRequestAccepted request(String email) {
        String address = email.strip();
        String normalised = address.toLowerCase(Locale.ROOT);
        if (limits.consume(limits.privacyRequestEmail(), Secrets.sha256Hex(normalised)).allowed()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> answer(address));
        }
        return accepted();
    }

    /** If the network holds data about the address: a request with a secret link, mailed to it. */
    void answer(String address) {
        try {
            String token = Secrets.random(24);
            PrivacyRequest request = QuarkusTransaction.requiringNew().call(() -> {
                // As typed: the database compares lower-case forms itself, as its unique index does.
                if (!registrations.holdsAddress(address)) {
                    return null;
                }
                PrivacyRequest created = new PrivacyRequest();
                created.id = UUID.randomUUID();
                created.email = address;
                created.tokenHash = Secrets.sha256Hex(token);
                created.createdAt = Timestamps.now();
                created.expiresAt = created.createdAt.plus(config.linkValidity());
                requests.persist(created);
                audit.recordSystem("privacy-requests", "privacy.request", "privacy-request", created.id.toString(), null);
                return created;
            });
            if (request != null) {
                mailer.send(address, "Ihre Daten bei den Stadtlaboren / Your data", text(request, token));
            }
        } catch (RuntimeException e) {
            // The citizen can ask again; the address is not logged.
            LOG.warnf("A request for one's data could not be answered: %s", e.getClass().getSimpleName());
        }
    }

    /** The answer to every request. */
    private PrivacyRequestAccepted accepted() {
        return new PrivacyRequestAccepted("accepted", config.linkValidity().toString());
    }

    /** Everything about the request's address, across all municipalities. */
    @Transactional
    public DataExport export(UUID id, String token) {
        PrivacyRequest request = withToken(id, token);
        List<RegistrationOfAddress> found = registrations.ofAddress(request.email);
        request.exportedAt = Timestamps.now();
        auditEach("privacy.export", request, found.stream().map(RegistrationOfAddress::municipalityId)
                .collect(java.util.stream.Collectors.toSet()));
        return new DataExport(request.email, request.exportedAt, found, consentTextsOf(found));
    }

    /** Erases the request's address everywhere; again, it changes nothing more. */
    @Transactional
    public ErasureResult erase(UUID id, String token) {
        PrivacyRequest request = withToken(id, token);
        AddressErasure erasure = registrations.eraseAddress(request.email);
        request.erasedAt = Timestamps.now();
        auditEach("privacy.erase", request, erasure.municipalities());
        return new ErasureResult(erasure.cancelled(), erasure.erased(), request.erasedAt);
    }

    /**
     * A municipality's data protection officer: the registrations of its events with this
     * address, with the consent texts they accepted. On record as {@code privacy.officer-export}
     * under a hash of the address, which the municipality's other officers read in the audit log.
     */
    @Transactional
    public DataExport exportForOffice(String municipalitySlug, String email) {
        UUID municipality = municipalities.actingOn(municipalitySlug, Action.PRIVACY_OFFICE);
        String address = email.strip();
        String normalised = address.toLowerCase(Locale.ROOT);
        List<RegistrationOfAddress> found = registrations.ofAddress(address).stream()
                .filter(r -> r.municipalityId().equals(municipality)).toList();
        audit.record("privacy.officer-export", "address", Secrets.sha256Hex(normalised), municipality);
        return new DataExport(address, Timestamps.now(), found, consentTextsOf(found));
    }

    /** The officer erases the address from the registrations of the municipality's events. */
    @Transactional
    public ErasureResult eraseForOffice(String municipalitySlug, String email) {
        UUID municipality = municipalities.actingOn(municipalitySlug, Action.PRIVACY_OFFICE);
        String address = email.strip();
        String normalised = address.toLowerCase(Locale.ROOT);
        AddressErasure erasure = registrations.eraseAddress(address, municipality);
        audit.record("privacy.officer-erase", "address", Secrets.sha256Hex(normalised), municipality);
        return new ErasureResult(erasure.cancelled(), erasure.erased(), Timestamps.now());
    }

    private List<ConsentText> consentTextsOf(List<RegistrationOfAddress> found) {
        Set<String> accepted = found.stream().map(RegistrationOfAddress::consentVersion)
                .collect(java.util.stream.Collectors.toSet());
        return registrations.consentVersions().stream().filter(t -> accepted.contains(t.version())).toList();
    }

    /** Deletes requests whose link expired; returns how many. */
    @Transactional
    public int deleteExpired() {
        return requests.deleteExpired(Timestamps.now());
    }

    /** What frontends show: the consent text, what is stored for which purpose and how long. */
    public PrivacyNotice notice() {
        String registrationsKept = registrationConfig.retention().toString();
        List<DataCategory> data = List.of(
                new DataCategory("registrations",
                        List.of("name", "email", "seats", "status", "consentVersion", "consentAt", "createdAt"),
                        new Texts("Die Anmeldung zu einem Termin verwalten: Bestätigung, Warteliste, Absagen und "
                                + "Änderungen mitteilen; den Veranstaltenden die Teilnehmenden zeigen.",
                                "Managing a registration for an occurrence: confirmation, waiting list, "
                                        + "cancellations and changes; showing the organisers who takes part."),
                        registrationsKept,
                        new Texts("Name und E-Mail-Adresse werden diese Frist nach dem Ende des Termins gelöscht; "
                                + "Plätze und Status bleiben ohne Personenbezug für die Statistik.",
                                "Name and e-mail address are erased this long after the occurrence ended; seats "
                                        + "and status stay, without reference to a person, for statistics.")),
                new DataCategory("privacy-requests", List.of("email"),
                        new Texts("Eine Anfrage nach den eigenen Daten beantworten.",
                                "Answering a request for one's own data."),
                        config.linkValidity().toString(),
                        new Texts("Ab der Anfrage; dann wird sie mit der Adresse gelöscht.",
                                "From the request; then it is deleted with the address.")),
                new DataCategory("rate-limit-counters", List.of("clientAddress", "emailHash"),
                        new Texts("Missbrauch begrenzen: Anfragen je Absender und je E-Mail-Adresse zählen.",
                                "Limiting abuse: counting requests per sender and per e-mail address."),
                        longestWindow().plusDays(1).toString(),
                        new Texts("Ab dem Beginn des Zählfensters.", "From the start of the counting window.")),
                new DataCategory("retry-copies", List.of("response"),
                        new Texts("Eine wiederholte Anfrage (gleicher Idempotency-Key) mit derselben Antwort "
                                + "beantworten, ohne sie zweimal auszuführen. Die Antwort ist mit dem Schlüssel "
                                + "des Absenders versiegelt: Der Dienst selbst kann sie nicht lesen.",
                                "Answering a repeated request (same Idempotency-Key) with the same answer "
                                        + "without doing it twice. The answer is sealed with the sender's key: the "
                                        + "service itself cannot read it."),
                        idempotencyConfig.retention().toString(),
                        new Texts("Ab der ersten Anfrage.", "From the first request.")),
                new DataCategory("staff-directory", List.of("issuer", "subject", "name", "email"),
                        new Texts("Mitarbeitende der Kommunen, denen Aufgaben in Projekten zugewiesen werden.",
                                "Staff of the municipalities to whom project tasks are assigned."),
                        null,
                        new Texts("Bis eine Lab-Administration der Kommune die Person entfernt.",
                                "Until a lab administrator of the municipality removes the person.")),
                new DataCategory("audit-log-names", List.of("actorName", "actorEmail"),
                        new Texts("Nachvollziehen, wer im Namen einer Kommune etwas geändert oder auf "
                                + "personenbezogene Daten zugegriffen hat.",
                                "Accountability: who changed something for a municipality or accessed personal data."),
                        auditConfig.pseudonymiseAfter().toString(),
                        new Texts("Ab dem Eintrag; dann bleiben nur Subject und Issuer, die allein der "
                                + "Identitätsanbieter einer Person zuordnen kann.",
                                "From the entry; then only subject and issuer remain, which only the identity "
                                        + "provider can resolve to a person.")),
                new DataCategory("audit-log", List.of("actorSubject", "actorIssuer", "action", "target", "occurredAt"),
                        new Texts("Nachvollziehbarkeit jeder Änderung und jedes Zugriffs auf personenbezogene Daten; "
                                + "Bürgerinnen und Bürger erscheinen darin nie mit Name oder Adresse.",
                                "Accountability for every change and every access to personal data; citizens never "
                                        + "appear in it by name or address."),
                        auditConfig.retention().toString(),
                        new Texts("Ab dem Eintrag; dann wird er gelöscht.", "From the entry; then it is deleted.")));
        ConsentText current = registrations.currentConsent();
        return new PrivacyNotice(current, registrations.consentVersions(), data, new Texts(
                "Auskunft und Löschung: POST /privacy/requests mit Ihrer E-Mail-Adresse. Wenn wir Daten zu ihr "
                        + "haben, erhalten Sie einen Link, der " + config.linkValidity().toHours()
                        + " Stunden gilt: damit laden Sie Ihre Daten herunter oder lassen sie löschen.",
                "Access and erasure: POST /privacy/requests with your e-mail address. If we hold data about it, "
                        + "you get a link valid for " + config.linkValidity().toHours()
                        + " hours: with it you download your data or have it erased."));
    }

    private java.time.Duration longestWindow() {
        return java.util.stream.Stream.of(rateLimitConfig.window(), rateLimitConfig.feedWindow(),
                rateLimitConfig.registrationWindow(), rateLimitConfig.privacyRequestWindow())
                .max(java.time.Duration::compareTo).orElseThrow();
    }

    private void auditEach(String action, PrivacyRequest request, Set<UUID> municipalities) {
        if (municipalities.isEmpty()) {
            audit.record(action, "privacy-request", request.id.toString(), null);
        }
        for (UUID municipality : municipalities) {
            audit.record(action, "privacy-request", request.id.toString(), municipality);
        }
    }

    private PrivacyRequest withToken(UUID id, String token) {
        PrivacyRequest request = requests.findByIdOptional(id)
                .filter(r -> r.expiresAt.isAfter(Timestamps.now()))
                .orElseThrow(() -> ApiException.notFound("detail.privacy-request-not-found", id));
        if (!Secrets.matches(token, request.tokenHash)) {
            throw new ApiException(ProblemType.FORBIDDEN, "detail.wrong-privacy-token");
        }
        return request;
    }

    private String text(PrivacyRequest request, String token) {
        String link = config.link().replace("{id}", request.id.toString()).replace("{token}", token);
        long hours = config.linkValidity().toHours();
        return "Guten Tag,\n\nSie haben gefragt, welche Daten die Stadtlabore zu dieser E-Mail-Adresse speichern. "
                + "Mit diesem Link sehen Sie sie und können sie löschen lassen (gültig " + hours + " Stunden):\n\n"
                + link + "\n\nWenn Sie nicht gefragt haben, müssen Sie nichts tun.\n\n"
                + "Hello,\n\nyou asked which data the Stadtlabore hold about this e-mail address. With the link above "
                + "you see it and can have it erased (valid for " + hours + " hours). If you did not ask, there is "
                + "nothing to do.\n\nIhre Stadtlabore\n";
    }
}
