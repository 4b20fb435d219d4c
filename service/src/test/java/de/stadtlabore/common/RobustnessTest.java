package de.stadtlabore.common;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.undocumented;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.RawHttp;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a contract-driven fuzzer found (security review, findings 11–16): every request gets an
 * answer, every client mistake a 4xx problem document, and nothing the contract forbids is
 * accepted.
 */
@QuarkusTest
class RobustnessTest {

    @Test
    void aLineBreakInACalendarSlugIsAnsweredAtOnce() throws IOException {
        // Finding 11: no answer at all for over a minute. No path needs a control character.
        for (String target : new String[] { "/labs/x%0Ax/events.ics", "/labs/x%0Dx/events.ics",
                "/municipalities/x%0D%0Ax/events.ics", "/labs/x%0Ax" }) {
            RawHttp.Answer answer = RawHttp.get(target);
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.isProblem()).as(target).isTrue();
        }
    }

    @Test
    void calendarsOfLabsAndMunicipalitiesThatDoNotExistAreNotFound() {
        // Finding 15: an empty calendar with 200 instead.
        wrongRequest().when().get("/labs/gibt-es-nicht/events.ics").then().statusCode(404)
                .contentType("application/problem+json");
        wrongRequest().when().get("/municipalities/gibt-es-nicht/events.ics").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void nulCharactersAreClientMistakes() throws IOException {
        // Finding 13.
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"name\": \"Teamkalender\\u0000\"}").when().post("/feed-tokens").then().statusCode(400)
                .contentType("application/problem+json");
        wrongRequest().queryParam("q", "a\u0000b").when().get("/labs").then().statusCode(400)
                .contentType("application/problem+json");
        wrongRequest().queryParam("q", "a\u0000b").when().get("/items").then().statusCode(400);
        wrongRequest().queryParam("lab", "a\u0000b").when().get("/occurrences").then().statusCode(400);
        RawHttp.Answer path = RawHttp.get("/labs/x%00y");
        assertThat(path.status()).isBetween(400, 404);
        assertThat(path.isProblem()).isTrue();
    }

    @Test
    void aDuplicateKeyInJsonIsABadRequest() {
        // Finding 13: 500 with an empty body.
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"name\": \"a\", \"name\": \"b\"}").when().post("/feed-tokens").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aMalformedLanguageWeightDoesNotBreakErrors() {
        // Finding 13: 500 (in dev mode with a source excerpt).
        for (String language : new String[] { "xx-YY;q=abc", "de;q=", ";;;", "de;q=2", "*;q=-1" }) {
            wrongRequest().header("Accept-Language", language).when().get("/labs/gibt-es-nicht").then()
                    .statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void errorsOfTheHttpLayerAreProblemDocuments() throws IOException {
        // Finding 14: empty bodies without a content type or request id.
        RawHttp.Answer longLine = RawHttp.get("/labs?q=" + "a".repeat(20_000));
        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.isProblem()).isTrue();
        RawHttp.Answer largeHeaders = RawHttp.get("/labs", "X-Big: " + "b".repeat(30_000));
        assertThat(largeHeaders.status()).isEqualTo(431);
        assertThat(largeHeaders.isProblem()).isTrue();
    }

    @Test
    void anEventInAnotherMunicipalitysLabIsRefusedAndStoredEventsStayReadable() throws Exception {
        // Finding 12: accepted, and every later read answered 500.
        String body = """
                {"leadLab": "freiraum-arnsberg", "title": "%s", "category": "workshop", "format": "in-person",
                 "place": {"lab": "stadtlabor-soest"}, "visibility": "public",
                 "start": "%s", "end": "%s"}
                """.formatted(Unique.name("Test Fremder Ort"), LocalDate.now().plusDays(20) + "T10:00",
                LocalDate.now().plusDays(20) + "T12:00");
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body(body).when().post("/events").then().statusCode(400).body("errors.field", contains("place.lab"));
        // One stored before this rule stays readable.
        String own = as(Tokens.staff("arnsberg")).contentType("application/json")
                .body(body.replace("stadtlabor-soest", "freiraum-arnsberg")).when().post("/events").then()
                .statusCode(201).extract().path("id");
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update event set place_lab_id = (select id from lab where slug = 'stadtlabor-soest') where id = ?::uuid")) {
            update.setString(1, own);
            update.executeUpdate();
        }
        api().when().get("/events/" + own).then().statusCode(200).body("place.lab.slug", equalTo("stadtlabor-soest"));
        api().when().get("/events/" + own + ".ics").then().statusCode(200);
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void valuesOfTheWrongTypeAreNotCoerced() {
        // Finding 16: {"name": 12345} was stored as "12345".
        String staff = Tokens.staff("arnsberg");
        for (String body : new String[] { "{\"name\": 12345}", "{\"name\": true}", "{\"name\": 1.5}",
                "{\"name\": [\"a\"]}", "{\"name\": {}}" }) {
            wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json").body(body)
                    .when().post("/feed-tokens").then().statusCode(400).body("errors.field", hasItem("name"));
        }
        wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json")
                .body("{\"name\": \"x\", \"expiresAt\": \"\"}").when().post("/feed-tokens").then().statusCode(400)
                .body("errors.field", hasItem("expiresAt"));
        wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json")
                .body("{\"name\": \"x\", \"expiresAt\": \"2027-01-01\"}").when().post("/feed-tokens").then()
                .statusCode(400).body("errors.field", hasItem("expiresAt"));
    }

    @Test
    void wordsOutsideAClosedSetAndImpossibleTimesAreRefused() {
        wrongRequest().queryParam("status", "bogus").when().get("/items").then().statusCode(400)
                .body("errors.field", contains("status"));
        String lab = Unique.slug("test-robust");
        wrongRequest().header("Authorization", "Bearer " + Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.lab(lab, "arnsberg", "x").replace("\"closes\": \"12:00\"", "\"closes\": \"24:00\""))
                .when().post("/labs").then().statusCode(400).body("errors.field", hasItem(
                        org.hamcrest.Matchers.startsWith("openingHours.regular[0].closes")));
        undocumented().when().get("/labs/" + lab).then().statusCode(404);
    }

    @Test
    void publicReadsStillWork() {
        api().when().get("/labs").then().statusCode(200).body("items.slug", not(hasItem("x")));
        as(Tokens.staff("arnsberg")).when().get("/me").then().statusCode(200).body("municipality", equalTo("arnsberg"));
        api().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8").when().get("/labs").then().statusCode(200);
    }
}
