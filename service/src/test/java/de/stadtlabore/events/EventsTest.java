package de.stadtlabore.events;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Events, recurring series across daylight-saving changes, co-organisers, occurrences. */
@QuarkusTest
class EventsTest {

    static final String COFFEE = "5f000000-0000-4000-8000-000000000001";

    static String event(String leadLab, String title, String start, String end, String rule, String exceptions) {
        String recurrence = rule == null ? "" : ", \"recurrence\": {\"rule\": \"" + rule + "\", \"exceptions\": ["
                + (exceptions == null ? "" : exceptions) + "]}";
        return """
                {"leadLab": "%s", "title": "%s", "description": "Wir bauen Sensoren.", "category": "workshop",
                 "topics": ["Sensorik"], "format": "hybrid", "place": {"lab": "%s"},
                 "onlineUrl": "https://meet.example.org/test", "visibility": "public",
                 "start": "%s", "end": "%s"%s}
                """.formatted(leadLab, title, leadLab, start, end, recurrence);
    }

    static String create(String token, String body) {
        return as(token).contentType("application/json").body(body).when().post("/events")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void theNetworkCoffeeStaysAtHalfPastNineAcrossDaylightSaving() {
        as(Tokens.staff("menden")).queryParam("from", "2027-03-01T00:00:00Z").queryParam("to", "2027-04-01T00:00:00Z")
                .queryParam("category", "netzwerktreffen")
                .when().get("/occurrences")
                .then().statusCode(200)
                .body("items.startsAt", contains("2027-03-31T09:30:00+02:00"))
                .body("items[0].occurrence", equalTo("2027-03-31T09:30:00"))
                .body("items[0].series", equalTo(true));
        as(Tokens.staff("menden")).queryParam("from", "2027-10-01T00:00:00Z").queryParam("to", "2027-12-01T00:00:00Z")
                .queryParam("category", "netzwerktreffen")
                .when().get("/occurrences")
                .then().body("items.startsAt", contains("2027-10-27T09:30:00+02:00", "2027-11-24T09:30:00+01:00"))
                .body("items.endsAt", contains("2027-10-27T10:30:00+02:00", "2027-11-24T10:30:00+01:00"));
    }

    @Test
    void theTotalOfAWindowCountsWhatEachCallerMaySeeAndFollowsAChangeOfVisibility() {
        // Without a filter the total is counted from the occurrence table alone (issue 11).
        String staff = Tokens.staff("soest");
        String from = "2028-02-01T00:00:00Z";
        String to = "2028-03-01T00:00:00Z";
        int publicBefore = total(null, from, to);
        int networkBefore = total(staff, from, to);
        create(staff, event("stadtlabor-soest", Unique.name("Offene Reihe"), "2028-02-02T18:00:00", "2028-02-02T19:00:00",
                "FREQ=WEEKLY;COUNT=4", null));
        String body = event("stadtlabor-soest", Unique.name("Interne Reihe"), "2028-02-03T18:00:00",
                "2028-02-03T19:00:00", "FREQ=WEEKLY;COUNT=3", null).replace("\"visibility\": \"public\"",
                        "\"visibility\": \"network\"");
        String internal = create(staff, body);
        assertThat(total(null, from, to)).isEqualTo(publicBefore + 4);
        assertThat(total(staff, from, to)).isEqualTo(networkBefore + 7);
        String etag = as(staff).when().get("/events/" + internal).then().statusCode(200).extract().header("ETag");
        as(staff).contentType("application/json").header("If-Match", etag)
                .body(body.replace("\"visibility\": \"network\"", "\"visibility\": \"public\""))
                .when().put("/events/" + internal).then().statusCode(200);
        assertThat(total(null, from, to)).isEqualTo(publicBefore + 7);
    }

    /** The total of a window with pages of one, so that it is counted, not known from the page. */
    private static int total(String token, String from, String to) {
        var request = token == null ? api() : as(token);
        return request.queryParam("from", from).queryParam("to", to).queryParam("size", 1).when().get("/occurrences")
                .then().statusCode(200).extract().path("totalItems");
    }

    @Test
    void aWindowShowsWhatStartedBeforeItAndIsStillRunningAndWhatEndsAsItBegins() {
        // Occurrences are read from an index by start; longer ones that began earlier come from a second one.
        String title = Unique.name("Festivalwoche");
        String festival = create(Tokens.staff("soest"), event("stadtlabor-soest", title, "2027-08-01T10:00:00",
                "2027-08-06T18:00:00", null, null));
        String evening = create(Tokens.staff("soest"), event("stadtlabor-soest", title + " Abend", "2027-08-02T20:00:00",
                "2027-08-02T23:00:00", null, null));
        api().queryParam("from", "2027-08-04T00:00:00Z").queryParam("to", "2027-08-05T00:00:00Z").queryParam("q", title)
                .when().get("/occurrences").then().statusCode(200)
                .body("items.event", contains(festival)).body("totalItems", equalTo(1));
        api().queryParam("from", "2027-08-02T18:00:00Z").queryParam("to", "2027-08-02T19:00:00Z").queryParam("q", title)
                .when().get("/occurrences").then().statusCode(200)
                .body("items.event", contains(festival, evening));
        api().queryParam("from", "2027-08-06T16:00:00Z").queryParam("to", "2027-08-07T00:00:00Z").queryParam("q", title)
                .when().get("/occurrences").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void thePublicSeesPublicEventsOnly() {
        api().queryParam("from", "2027-03-01T00:00:00Z").queryParam("to", "2027-04-01T00:00:00Z")
                .when().get("/occurrences")
                .then().statusCode(200)
                .body("items.visibility", everyItem(equalTo("public")))
                .body("items.event", not(hasItem(COFFEE)));
        api().when().get("/events/" + COFFEE).then().statusCode(404);
        as(Tokens.staff("soest")).when().get("/events/" + COFFEE).then().statusCode(200)
                .body("recurrence.rule", equalTo("FREQ=MONTHLY;BYDAY=-1WE"));
    }

    @Test
    void occurrencesOfASeriesCanBeSkippedCancelledAndMoved() {
        String staff = Tokens.staff("iserlohn");
        String title = Unique.name("Test Sensor-Stammtisch");
        String id = create(staff, event("waldstadtlabor-iserlohn", title, "2027-05-03T18:00",
                "2027-05-03T20:00", "FREQ=WEEKLY;BYDAY=MO;COUNT=6", "\"2027-05-10T18:00\""));
        as(staff).contentType("application/json").body("{\"cancelled\": true}")
                .when().put("/events/" + id + "/occurrences/2027-05-17T18:00").then().statusCode(200);
        as(staff).contentType("application/json")
                .body("{\"cancelled\": false, \"start\": \"2027-05-25T19:00:00\", \"end\": \"2027-05-25T21:00:00\"}")
                .when().put("/events/" + id + "/occurrences/2027-05-24T18:00").then().statusCode(200)
                .body("sequence", equalTo(2));
        api().queryParam("from", "2027-05-01T00:00:00Z").queryParam("to", "2027-07-01T00:00:00Z").queryParam("q", title)
                .when().get("/occurrences")
                .then().statusCode(200)
                .body("items.occurrence", contains("2027-05-03T18:00:00", "2027-05-17T18:00:00",
                        "2027-05-24T18:00:00", "2027-05-31T18:00:00", "2027-06-07T18:00:00"))
                .body("items.status", contains("scheduled", "cancelled", "scheduled", "scheduled", "scheduled"))
                .body("items[2].startsAt", equalTo("2027-05-25T19:00:00+02:00"))
                .body("items[2].moved", equalTo(true));
        wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json")
                .body("{\"cancelled\": true}").when().put("/events/" + id + "/occurrences/2027-05-04T18:00")
                .then().statusCode(404);
        wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json")
                .body("{\"cancelled\": true}").when().put("/events/" + id + "/occurrences/gestern")
                .then().statusCode(400).body("errors.field", contains("occurrence"));
    }

    @Test
    void coOrganisersFromAnotherMunicipalityEditOnceTheyAccepted() {
        String id = create(Tokens.staff("menden"), event("zukunftswerkstadt-menden", "Test Gemeinsamer Makertag",
                "2027-06-05T10:00", "2027-06-05T16:00", null, null));
        String soest = Tokens.staff("soest");
        String change = event("zukunftswerkstadt-menden", "Test Gemeinsamer Makertag (mit Soest)", "2027-06-05T10:00",
                "2027-06-05T17:00", null, null);
        wrongRequest().header("Authorization", "Bearer " + soest).header("If-Match", etag(id))
                .contentType("application/json").body(change).when().put("/events/" + id).then().statusCode(403);

        as(Tokens.staff("menden")).contentType("application/json").body("{\"lab\": \"stadtlabor-soest\"}")
                .when().post("/events/" + id + "/organisers").then().statusCode(200)
                .body("organisers[0].status", equalTo("invited"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"status\": \"accepted\"}").when().put("/events/" + id + "/organisers/stadtlabor-soest")
                .then().statusCode(403);
        as(soest).contentType("application/json").body("{\"status\": \"accepted\"}")
                .when().put("/events/" + id + "/organisers/stadtlabor-soest").then().statusCode(200)
                .body("organisers[0].status", equalTo("accepted"));

        as(soest).header("If-Match", etag(id)).contentType("application/json").body(change)
                .when().put("/events/" + id).then().statusCode(200)
                .body("title", equalTo("Test Gemeinsamer Makertag (mit Soest)"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).header("If-Match", etag(id))
                .contentType("application/json").body(change).when().put("/events/" + id).then().statusCode(403);
        api().queryParam("from", "2027-06-01T00:00:00Z").queryParam("to", "2027-06-30T00:00:00Z")
                .queryParam("lab", "stadtlabor-soest").when().get("/occurrences")
                .then().body("items.title", hasItem("Test Gemeinsamer Makertag (mit Soest)"));
    }

    @Test
    void badInputIsAClearProblemAndStoresNothing() {
        String staff = Tokens.staff("arnsberg");
        String tag = Unique.slug("bad");
        List<String[]> cases = List.of(
                new String[] { event("freiraum-arnsberg", "Test A " + tag, "2027-06-05T10:00", "2027-06-05T09:00", null, null), "end" },
                new String[] { event("freiraum-arnsberg", "Test B " + tag, "2027-06-05T10:00", "2027-06-05T11:00", "FREQ=SOMETIMES", null), "recurrence.rule" },
                new String[] { event("freiraum-arnsberg", "Test C " + tag, "2027-06-05T10:00", "2027-06-05T11:00", null, null)
                        .replace("\"visibility\"", "\"timeZone\": \"Mars/Olympus\", \"visibility\""), "timeZone" },
                new String[] { event("freiraum-arnsberg", "Test D " + tag, "2027-06-05T10:00", "2027-06-05T11:00", null, null)
                        .replace("\"onlineUrl\": \"https://meet.example.org/test\", ", ""), "onlineUrl" });
        for (String[] c : cases) {
            wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json").body(c[0])
                    .when().post("/events").then().statusCode(400).body("errors.field", contains(c[1]));
        }
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body(event("freiraum-arnsberg", "Test E " + tag, "2027-06-05T10:00", "2027-06-05T11:00", null, null))
                .when().post("/events").then().statusCode(403);
        wrongRequest().queryParam("from", "2027-01-01T00:00:00Z").queryParam("to", "2029-01-01T00:00:00Z")
                .when().get("/occurrences").then().statusCode(400).body("errors.field", contains("to"));
        as(staff).queryParam("q", tag).queryParam("from", "2027-06-01T00:00:00Z").queryParam("to", "2027-07-01T00:00:00Z")
                .when().get("/occurrences").then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static String etag(String id) {
        return api().when().get("/events/" + id).then().statusCode(200).extract().header("ETag");
    }
}
