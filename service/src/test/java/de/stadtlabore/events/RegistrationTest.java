package de.stadtlabore.events;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import de.stadtlabore.common.mail.Mailer;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Citizens register without an account; waiting list, promotion, mails, retention. */
@QuarkusTest
class RegistrationTest {

    static final LocalDateTime START = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(10);

    @Inject
    RegistrationRepository registrations;

    @Inject
    RegistrationService service;

    @Inject
    Mailer mailbox;

    @BeforeEach
    void clearMailbox() {
        mailbox.clear();
    }

    /** A public single event in Soest with registration, under a title of its own; returns its id. */
    static String event(int capacity, String extraRegistration, LocalDateTime start) {
        return event(Unique.name("Test Vortrag"), capacity, extraRegistration, start);
    }

    static String event(String title, int capacity, String extraRegistration, LocalDateTime start) {
        return as(Tokens.staff("soest")).contentType("application/json").body("""
                {"leadLab": "stadtlabor-soest", "title": "%s", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "stadtlabor-soest"}, "visibility": "public",
                 "start": "%s", "end": "%s",
                 "registration": {"capacity": %d, "maxSeatsPerRegistration": 3%s}}
                """.formatted(title, start, start.plusHours(2), capacity, extraRegistration))
                .when().post("/events").then().statusCode(201).extract().path("id");
    }

    static String path(String event, LocalDateTime occurrence) {
        return "/events/" + event + "/occurrences/" + occurrence + "/registrations";
    }

    static io.restassured.response.ValidatableResponse register(String event, String email, int seats) {
        return api().contentType("application/json")
                .body(Map.of("name", "Erika Muster", "email", email, "consent", true, "seats", seats))
                .when().post(path(event, START)).then();
    }

    @Test
    void registrantsAreConfirmedThenWaitlistedAndMoveUpWhenSomeoneCancels() {
        String title = Unique.name("Test Vortrag");
        String event = event(title, 3, "", START);
        var first = register(event, "anna@example.org", 2).statusCode(201)
                .body("status", equalTo("confirmed")).extract();
        register(event, "ben@example.org", 2).statusCode(201)
                .body("status", equalTo("waitlisted")).body("waitlistPosition", equalTo(1));
        assertThat(mailbox.sentTo("anna@example.org")).hasSize(1);
        assertThat(mailbox.sentTo("anna@example.org").get(0).text())
                .contains("bestätigt").contains("token=" + first.path("cancelToken"));
        assertThat(mailbox.sentTo("ben@example.org").get(0).subject()).startsWith("Warteliste");

        api().queryParam("from", Fixtures.rfc3339(START.minusDays(1).atOffset(ZoneOffset.UTC)))
                .queryParam("to", Fixtures.rfc3339(START.plusDays(1).atOffset(ZoneOffset.UTC)))
                .queryParam("q", title).when().get("/occurrences")
                .then().body("items[0].registration.confirmedSeats", equalTo(2))
                .body("items[0].registration.freeSeats", equalTo(1))
                .body("items[0].registration.waitlisted", equalTo(1));

        String id = first.path("id");
        api().contentType("application/json").body(Map.of("token", first.path("cancelToken")))
                .when().post("/registrations/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        assertThat(mailbox.sentTo("ben@example.org")).hasSize(2);
        assertThat(mailbox.sentTo("ben@example.org").get(1).subject()).startsWith("Platz frei");
        api().queryParam("token", first.<String>path("cancelToken")).when().get("/registrations/" + id)
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelToken", nullValue())
                // Personal data behind a secret link: no shared cache may keep it.
                .header("Cache-Control", "private, no-cache");
    }

    @Test
    void oneEmailTakesOnePlace() {
        String event = event(10, "", START);
        register(event, "doppelt@example.org", 1).statusCode(201);
        wrongRequest().contentType("application/json")
                .body(Map.of("name", "Erika", "email", "Doppelt@Example.org", "consent", true))
                .when().post(path(event, START)).then().statusCode(409)
                .body("detail", equalTo("Diese E-Mail-Adresse ist für diesen Termin schon angemeldet."));
    }

    @Test
    void badRegistrationsAreClearProblemsAndStoreNothing() {
        String event = event(10, "", START);
        Object[][] cases = {
                { Map.of("name", "E", "email", "e@example.org", "consent", false), "consent" },
                { Map.of("name", "E", "email", "kein-at-zeichen", "consent", true), "email" },
                { Map.of("name", "E", "email", "e@example.org", "consent", true, "seats", 4), "seats" },
                { Map.of("email", "e@example.org", "consent", true), "name" } };
        for (Object[] c : cases) {
            wrongRequest().contentType("application/json").body(c[0]).when().post(path(event, START))
                    .then().statusCode(400).body("errors.field", contains(c[1]));
        }
        wrongRequest().contentType("application/json").body(Map.of("name", "E", "email", "e@example.org", "consent", true))
                .when().post(path(event, START.plusHours(1))).then().statusCode(404);
        assertThat(registrations.count("event.id", UUID.fromString(event))).isZero();
    }

    @Test
    void registrationOnlyWithinItsWindowAndNotForCancelledOccurrences() {
        String notYet = event(10, ", \"opensDaysBefore\": 5", START);
        wrongRequest().contentType("application/json").body(Map.of("name", "E", "email", "e@example.org", "consent", true))
                .when().post(path(notYet, START)).then().statusCode(409)
                .body("detail", startsWith("Die Anmeldung für diesen Termin ist nicht geöffnet"));

        String event = event(10, "", START);
        String etag = api().when().get("/events/" + event).then().extract().header("ETag");
        as(Tokens.staff("soest")).header("If-Match", etag).contentType("application/json").body("""
                {"leadLab": "stadtlabor-soest", "title": "Test Vortrag", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "stadtlabor-soest"}, "visibility": "public",
                 "status": "cancelled", "start": "%s", "end": "%s", "registration": {"capacity": 10}}
                """.formatted(START, START.plusHours(2))).when().put("/events/" + event).then().statusCode(200);
        wrongRequest().contentType("application/json").body(Map.of("name", "E", "email", "e@example.org", "consent", true))
                .when().post(path(event, START)).then().statusCode(409)
                .body("detail", equalTo("Dieser Termin fällt aus."));
    }

    @Test
    void aWrongCancelTokenIsRefused() {
        String event = event(10, "", START);
        String id = register(event, "token@example.org", 1).statusCode(201).extract().path("id");
        wrongRequest().contentType("application/json").body(Map.of("token", "geraten"))
                .when().post("/registrations/" + id + "/cancel").then().statusCode(403)
                .body("detail", equalTo("Der Link gehört nicht zu dieser Anmeldung."));
        wrongRequest().queryParam("token", "geraten").when().get("/registrations/" + id).then().statusCode(403);
        assertThat(registrations.findById(UUID.fromString(id)).status).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void organisersListRegistrationsAsJsonAndCsvOthersMayNot() throws java.io.IOException {
        String event = event(10, "", START);
        register(event, "csv@example.org", 2).statusCode(201);
        api().contentType("application/json")
                .body(Map.of("name", "Formel", "email", "+49formel@example.org", "consent", true))
                .when().post(path(event, START)).then().statusCode(201);
        as(Tokens.staff("soest")).when().get(path(event, START)).then().statusCode(200)
                .body("items.email", contains("csv@example.org", "+49formel@example.org"));
        String csv = as(Tokens.staff("soest")).accept("text/csv").when().get(path(event, START)).then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(csv)).getRecords();
        assertThat(records.get(0).toList()).containsExactly("id", "status", "seats", "name", "email", "createdAt");
        assertThat(records.get(1).toList()).contains("confirmed", "2", "Erika Muster", "csv@example.org");
        // An address that starts like a formula is not one in the spreadsheet.
        assertThat(records.get(2).get(4)).isEqualTo("'+49formel@example.org");
        assertThat(csv).endsWith("\r\n");
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).when().get(path(event, START))
                .then().statusCode(403);
    }

    /** Finding 5: names are one line of plain text, and no mail repeats what a stranger typed. */
    @Test
    void namesAreSingleLinePlainTextAndMailsNeverRepeatThem() {
        String event = event(10, "", START);
        for (String name : new String[] { "Erika\nKlick hier: https://phishing.example.org", "Erika\rMuster",
                "https://phishing.example.org", "=HYPERLINK(\"x\")", "<a href=x>Gewinn</a>", "Erika\u2028Muster",
                "Nul\u0000l", "mail@example.org" }) {
            wrongRequest().contentType("application/json")
                    .body(Map.of("name", name, "email", "spam@example.org", "consent", true))
                    .when().post(path(event, START)).then().statusCode(400).body("errors.field", contains("name"));
        }
        assertThat(mailbox.sentTo("spam@example.org")).isEmpty();
        api().contentType("application/json")
                .body(Map.of("name", "Jürgen O'Neil-Özdemir (Klasse 7b) & Co.", "email", "juergen@example.org",
                        "consent", true))
                .when().post(path(event, START)).then().statusCode(201);
        assertThat(mailbox.sentTo("juergen@example.org").get(0).text()).startsWith("Guten Tag,")
                .doesNotContain("Jürgen");
    }

    /** Finding 5: organisers cancel registrations; spam ones free their seats and get no mail. */
    @Test
    void organisersCancelRegistrationsAndMarkSpamWhichGetsNoMail() {
        String event = event(1, "", START);
        String spam = register(event, "bot@example.org", 1).statusCode(201).extract().path("id");
        register(event, "echt@example.org", 1).statusCode(201).body("status", equalTo("waitlisted"));
        mailbox.clear();
        String cancel = path(event, START) + "/" + spam + "/cancel";
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body(Map.of("spam", true)).when().post(cancel).then().statusCode(403);
        as(Tokens.staff("soest")).contentType("application/json").body(Map.of("spam", true)).when().post(cancel)
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelledBy", equalTo("organiser"))
                .body("spam", equalTo(true));
        assertThat(mailbox.sentTo("bot@example.org")).isEmpty();
        // The seat went to the first on the waiting list.
        assertThat(mailbox.sentTo("echt@example.org")).hasSize(1);
        as(Tokens.staff("soest")).when().get(path(event, START)).then().statusCode(200)
                .body("items.status", contains("cancelled", "confirmed"));
        // An ordinary cancellation by the organiser tells the registrant.
        String echt = as(Tokens.staff("soest")).when().get(path(event, START)).then().extract().path("items[1].id");
        as(Tokens.staff("soest")).contentType("application/json").body(Map.of("spam", false))
                .when().post(path(event, START) + "/" + echt + "/cancel").then().statusCode(200)
                .body("cancelledBy", equalTo("organiser"));
        assertThat(mailbox.sentTo("echt@example.org")).hasSize(2);
        assertThat(mailbox.sentTo("echt@example.org").get(1).subject()).startsWith("Anmeldung storniert");
    }

    /** Finding 9: reading names and addresses is on record. */
    @Test
    void readingARegistrationListIsAudited() {
        String event = event(10, "", START);
        as(Tokens.staff("soest")).when().get(path(event, START)).then().statusCode(200);
        as(Tokens.admin("soest")).queryParam("target", "occurrence:" + event + "/" + START).when().get("/audit-events")
                .then().statusCode(200).body("items.action", contains("registration.list-read"));
    }

    @Test
    void personalDataIsErasedAfterTheRetentionPeriod() {
        String event = event(10, "", START);
        String id = register(event, "alt@example.org", 1).statusCode(201).extract().path("id");
        endedLongAgo(UUID.fromString(id));
        assertThat(service.erasePersonalData()).isGreaterThanOrEqualTo(1);
        Registration erased = registrations.findById(UUID.fromString(id));
        assertThat(erased.name).isNull();
        assertThat(erased.email).isNull();
        assertThat(erased.erasedAt).isNotNull();
        assertThat(erased.seats).isEqualTo(1);
        assertThat(service.erasePersonalData()).isZero();
    }

    @Test
    void movingAnEventMovesTheRetentionOfItsRegistrations() {
        String event = event(10, "", START);
        String id = register(event, "umzug@example.org", 1).statusCode(201).extract().path("id");
        String etag = api().when().get("/events/" + event).then().extract().header("ETag");
        as(Tokens.staff("soest")).header("If-Match", etag).contentType("application/json").body("""
                {"leadLab": "stadtlabor-soest", "title": "Test Vortrag", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "stadtlabor-soest"}, "visibility": "public",
                 "start": "%s", "end": "%s", "registration": {"capacity": 10}}
                """.formatted(START, START.plusHours(5))).when().put("/events/" + event).then().statusCode(200);
        assertThat(registrations.findById(UUID.fromString(id)).occurrenceEndsAt.toInstant())
                .isEqualTo(START.plusHours(5).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Transactional
    void endedLongAgo(UUID id) {
        registrations.findById(id).occurrenceEndsAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(31);
    }
}
