package de.stadtlabore.privacy;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.stadtlabore.common.mail.Mailer;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Sql;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A citizen asks what the network holds about their address, downloads it and has it erased;
 * every registration keeps which consent text it accepted.
 */
@QuarkusTest
class PrivacyTest {

    static final LocalDateTime START = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(12);
    static final Pattern LINK = Pattern.compile("/privacy/requests/([0-9a-f-]{36})#token=([A-Za-z0-9_-]+)");

    @Inject
    Mailer mailbox;

    @Inject
    PrivacyService privacy;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void clearMailbox() {
        mailbox.clear();
    }

    /** A public event with registration, led by a lab of {@code municipality}; returns its id. */
    static String event(String municipality, String lab, int capacity) {
        return as(Tokens.staff(municipality)).contentType("application/json").body("""
                {"leadLab": "%s", "title": "%s", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "%s"}, "visibility": "public",
                 "start": "%s", "end": "%s",
                 "registration": {"capacity": %d, "maxSeatsPerRegistration": 3}}
                """.formatted(lab, Unique.name("Datenschutz"), lab, START, START.plusHours(2), capacity))
                .when().post("/events").then().statusCode(201).extract().path("id");
    }

    static String path(String event) {
        return "/events/" + event + "/occurrences/" + START + "/registrations";
    }

    static ExtractableResponse<Response> register(String event, String email) {
        return register(event, email, 1);
    }

    static ExtractableResponse<Response> register(String event, String email, int seats) {
        return api().contentType("application/json")
                .body(Map.of("name", "Erika Muster", "email", email, "consent", true, "seats", seats))
                .when().post(path(event)).then().statusCode(201).extract();
    }

    static String address() {
        return "buerger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Asks for one's data and returns the id and secret of the mailed link. */
    String[] askAndFollowTheMail(String email) {
        mailbox.clear();
        api().contentType("application/json").body(Map.of("email", email)).when().post("/privacy/requests")
                .then().statusCode(202);
        Awaitility.await("the mail with the link").atMost(Duration.ofSeconds(10))
                .until(() -> !mailbox.sentTo(email).isEmpty());
        Matcher link = LINK.matcher(mailbox.sentTo(email).get(0).text());
        assertThat(link.find()).as("a link in the mail").isTrue();
        return new String[] { link.group(1), link.group(2) };
    }

    long count(String sql) throws Exception {
        return Sql.count(dataSource, sql);
    }

    void update(String sql) throws Exception {
        Sql.update(dataSource, sql);
    }

    @Test
    void theNoticeShowsTheConsentTextsAndThePeriodsFromTheConfiguration() {
        api().when().get("/privacy").then().statusCode(200)
                .body("consent.version", equalTo("1"))
                .body("consent.de", notNullValue()).body("consent.en", notNullValue())
                .body("consentVersions.version", hasItems("1"))
                .body("data.category", hasItems("registrations", "privacy-requests", "rate-limit-counters",
                        "retry-copies", "staff-directory", "audit-log-names", "audit-log"))
                // stadtlabore.registration.retention (30 days) and stadtlabore.privacy.link-validity (24 h)
                .body("data.find { it.category == 'registrations' }.keptFor", equalTo("PT720H"))
                .body("data.find { it.category == 'privacy-requests' }.keptFor", equalTo("PT24H"))
                .body("data.find { it.category == 'staff-directory' }.keptFor", equalTo(null))
                // stadtlabore.audit.pseudonymise-after (90 days) and stadtlabore.audit.retention (730 days)
                .body("data.find { it.category == 'audit-log-names' }.keptFor", equalTo("PT2160H"))
                .body("data.find { it.category == 'audit-log' }.keptFor", equalTo("PT17520H"))
                .body("requests.en", notNullValue());
    }

    @Test
    void aRegistrationKeepsWhichConsentTextItAcceptedAndWhen() {
        String event = event("soest", "stadtlabor-soest", 10);
        api().contentType("application/json")
                .body(Map.of("name", "Erika", "email", address(), "consent", true, "consentVersion", "1"))
                .when().post(path(event)).then().statusCode(201)
                .body("consentVersion", equalTo("1")).body("consentAt", notNullValue());
        assertThat(register(event, address()).<String>path("consentVersion")).as("without a version: the one in force")
                .isEqualTo("1");
        // The frontend showed a text that is not in force: the registrant must see the current one first.
        api().contentType("application/json")
                .body(Map.of("name", "Erika", "email", address(), "consent", true, "consentVersion", "0"))
                .when().post(path(event)).then().statusCode(409)
                .body("detail", equalTo("Der Einwilligungstext hat sich geändert: Es gilt Version 1. "
                        + "Zeigen Sie ihn an und fragen Sie erneut."));
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressIsKnownAndOnlyAKnownOneGetsAMail() throws Exception {
        String known = address();
        String unknown = address();
        register(event("soest", "stadtlabor-soest", 10), known);
        mailbox.clear();

        var toKnown = api().contentType("application/json").body(Map.of("email", known)).when()
                .post("/privacy/requests").then().statusCode(202).extract();
        var toUnknown = api().contentType("application/json").body(Map.of("email", unknown)).when()
                .post("/privacy/requests").then().statusCode(202).extract();
        assertThat(toKnown.body().asString()).isEqualTo(toUnknown.body().asString())
                .isEqualTo("{\"status\":\"accepted\",\"linkValidFor\":\"PT24H\"}");
        assertThat(toKnown.headers().asList().stream().map(h -> h.getName()).sorted().toList())
                .isEqualTo(toUnknown.headers().asList().stream().map(h -> h.getName()).sorted().toList());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.sentTo(known).isEmpty());
        assertThat(mailbox.sentTo(known).get(0).text()).contains("/privacy/requests/").contains("24 Stunden");
        assertThat(mailbox.sentTo(unknown)).isEmpty();
        assertThat(count("select count(*) from privacy_request where email = '" + unknown + "'")).isZero();
    }

    @Test
    void withTheLinkTheCitizenDownloadsEverythingAcrossMunicipalities() throws Exception {
        String email = address();
        String soest = event("soest", "stadtlabor-soest", 10);
        String arnsberg = event("arnsberg", "freiraum-arnsberg", 10);
        register(soest, email);
        // The address as typed differently: still the same person.
        register(arnsberg, email.toUpperCase(java.util.Locale.ROOT));
        String[] link = askAndFollowTheMail(email);

        api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/export").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("email", equalTo(email))
                .body("registrations.size()", equalTo(2))
                .body("registrations.municipality", hasItems("soest", "arnsberg"))
                .body("registrations.event", hasItems(soest, arnsberg))
                .body("registrations[0].status", equalTo("confirmed"))
                .body("registrations[0].consentVersion", equalTo("1"))
                .body("consentTexts.version", hasItems("1"));
        // Each municipality sees on record that its data was exported, under the request's id only.
        assertThat(count("select count(*) from audit_event where action = 'privacy.export' and target_id = '" + link[0]
                + "'")).isEqualTo(2);

        wrongRequest().contentType("application/json").body(Map.of("token", "not-the-secret")).when()
                .post("/privacy/requests/" + link[0] + "/export").then().statusCode(403);
        wrongRequest().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + UUID.randomUUID() + "/export").then().statusCode(404);
        update("update privacy_request set expires_at = now() - interval '1 second' where id = '" + link[0] + "'");
        wrongRequest().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/export").then().statusCode(404);
        assertThat(privacy.deleteExpired()).isPositive();
        assertThat(count("select count(*) from privacy_request where id = '" + link[0] + "'")).isZero();
    }

    @Test
    void erasureCancelsWhatIsAheadMovesTheWaitingListUpAndBlanksWhatIsOver() throws Exception {
        String email = address();
        String waiting = address();
        String event = event("soest", "stadtlabor-soest", 1);
        String confirmed = register(event, email).path("id");
        String waitlisted = register(event, waiting).path("id");
        String past = register(event("arnsberg", "freiraum-arnsberg", 5), email).path("id");
        update("update registration set occurrence_ends_at = now() - interval '1 day' where id = '" + past + "'");
        String[] link = askAndFollowTheMail(email);

        api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/erasure").then().statusCode(200)
                .body("cancelledRegistrations", equalTo(1)).body("erasedRegistrations", equalTo(2))
                .body("erasedAt", notNullValue());

        assertThat(count("select count(*) from registration where id in ('" + confirmed + "', '" + past
                + "') and name is null and email is null and erased_at is not null")).isEqualTo(2);
        assertThat(count("select count(*) from registration where id = '" + confirmed + "' and status = 'cancelled'"))
                .isOne();
        assertThat(count("select count(*) from registration where id = '" + past + "' and status = 'confirmed'"))
                .as("what is over keeps its status, without the person").isOne();
        assertThat(count("select count(*) from registration where id = '" + waitlisted + "' and status = 'confirmed'"))
                .as("the waiting list moved up").isOne();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !mailbox.sentTo(waiting).stream()
                .filter(m -> m.subject().startsWith("Platz frei")).toList().isEmpty());

        // Again: nothing more to do. The export finds nothing.
        api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/erasure").then().statusCode(200)
                .body("cancelledRegistrations", equalTo(0)).body("erasedRegistrations", equalTo(0));
        api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/export").then().statusCode(200)
                .body("registrations.size()", equalTo(0));

        // Audited for both municipalities, under the request's id; the address is nowhere in the audit log.
        assertThat(count("select count(*) from audit_event where action = 'privacy.erase' and target_id = '" + link[0]
                + "' and municipality_id is not null")).isEqualTo(2);
        assertThat(count("select count(*) from audit_event a where position(lower('" + email
                + "') in lower(row_to_json(a)::text)) > 0")).isZero();
    }

    /**
     * Erasing a confirmed registration while others register for the same occurrence: its seat
     * goes to exactly one other registrant, none is lost or counted twice.
     */
    @Test
    void erasureWhileOthersRegisterLosesNoSeatAndCountsNoneTwice() throws Exception {
        int capacity = 5;
        String event = event("soest", "stadtlabor-soest", capacity);
        String email = address();
        register(event, email);
        for (int i = 0; i < capacity - 1; i++) {
            register(event, address());
        }
        String[] link = askAndFollowTheMail(email);

        List<Callable<Integer>> race = new ArrayList<>();
        race.add(() -> api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/erasure").then().statusCode(200).extract().statusCode());
        for (int i = 0; i < 20; i++) {
            race.add(() -> register(event, address()).statusCode());
        }
        Race.run(race, race.size());

        String of = " from registration where event_id = '" + event + "' and occurrence = '" + START + "'";
        assertThat(count("select coalesce(sum(seats), 0)" + of + " and status = 'confirmed'"))
                .as("every seat taken, none twice").isEqualTo(capacity);
        assertThat(count("select count(*)" + of + " and status = 'waitlisted'")).isEqualTo(20 - 1);
        assertThat(count("select count(*)" + of + " and status = 'cancelled' and erased_at is not null")).isOne();
    }

    /**
     * Found in review: erasure moved the waiting list up through the organisers' rules, which
     * failed (500, 404) when registration had been switched off since or the occurrence no longer
     * took place, and so erased nothing anywhere.
     */
    @Test
    void erasureWorksWhereRegistrationWasSwitchedOffOrTheOccurrenceIsGone() throws Exception {
        String email = address();
        String closed = event("soest", "stadtlabor-soest", 5);
        String gone = event("arnsberg", "freiraum-arnsberg", 5);
        register(closed, email);
        String moved = register(gone, email).path("id");
        update("update event set capacity = null where id = '" + closed + "'");
        update("update registration set occurrence = occurrence + interval '1 minute' where id = '" + moved + "'");
        String[] link = askAndFollowTheMail(email);

        api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/erasure").then().statusCode(200)
                .body("cancelledRegistrations", equalTo(2)).body("erasedRegistrations", equalTo(2));
    }

    /**
     * Found in review: erasing a waiting group that did not fit left the smaller one behind it
     * waiting beside free seats.
     */
    @Test
    void erasingAWaitingGroupLetsTheNextOneMoveUp() throws Exception {
        String email = address();
        String event = event("soest", "stadtlabor-soest", 4);
        register(event, address(), 3);
        String group = register(event, email, 3).path("status");
        String behind = address();
        String single = register(event, behind, 1).path("id");
        assertThat(group).isEqualTo("waitlisted");
        String[] link = askAndFollowTheMail(email);

        api().contentType("application/json").body(Map.of("token", link[1])).when()
                .post("/privacy/requests/" + link[0] + "/erasure").then().statusCode(200)
                .body("cancelledRegistrations", equalTo(1));
        assertThat(count("select count(*) from registration where id = '" + single + "' and status = 'confirmed'"))
                .isOne();
    }
}
