package de.stadtlabore.events;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.stadtlabore.events.calendar.ICalendarWriter;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

/** Every feed is parsed by an independent iCalendar parser (ical4j) and checked against the API. */
@QuarkusTest
class CalendarFeedTest {

    static final String COFFEE = "5f000000-0000-4000-8000-000000000001";

    @BeforeAll
    static void offline() {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    static Instant instant(Temporal temporal) {
        return temporal instanceof ZonedDateTime z ? z.toInstant() : ((OffsetDateTime) temporal).toInstant();
    }

    @Test
    void noTitleCanEndALineOrStartAPropertyAsAnIndependentParserReadsIt() throws Exception {
        // A lone carriage return used to reach feeds unescaped (finding 7).
        String[] titles = { "Eins\rATTENDEE:mailto:x@example.org", "Zwei\nLOCATION:anderswo", "Drei\r\nURL:x",
                "Kaffee, Kuchen; Kino \\ Nacht", "Null\u0000Byte\u0007Glocke\u001bEscape\u007fDel\tTab" };
        for (String title : titles) {
            Event e = SampleEvents.event("2027-06-05T10:00:00", "2027-06-05T16:00:00", null);
            e.title = title;
            String ics = ICalendarWriter.write("Stadtlabore", "api.example.org", "https://api.example.org/events/",
                    List.of(e));
            for (String line : ics.split("\r\n", -1)) {
                assertThat(line).doesNotContain("\r").doesNotContain("\n").doesNotContainPattern("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
            }
            VEvent parsed = parse(ics).<VEvent>getComponents("VEVENT").get(0);
            String expected = title.replace("\r\n", "\n").replace('\r', '\n')
                    .replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "");
            assertThat(parsed.<Property>getProperty("SUMMARY").map(Property::getValue)).contains(expected);
            List<String> names = parsed.<Property>getProperties().stream().map(Property::getName).toList();
            assertThat(names).containsOnlyOnce("SUMMARY", "UID", "URL").doesNotContain("ATTENDEE", "LOCATION");
        }
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /**
     * Finding 9: a private feed ends at its expiry, and as soon as its municipality no longer
     * trusts the provider of the person who created it.
     */
    @Test
    void aPrivateFeedEndsWhenItExpiresOrItsCreatorsProviderIsNoLongerTrusted() throws Exception {
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).contentType("application/json")
                .body(Map.of("name", "Zu lang", "expiresAt", OffsetDateTime.now().plusYears(2).toString()))
                .when().post("/feed-tokens").then().statusCode(400).body("errors.field", contains("expiresAt"));
        var expiring = as(Tokens.staff("menden")).contentType("application/json").body(Map.of("name", "Kurz"))
                .when().post("/feed-tokens").then().statusCode(201).extract();
        assertThat(OffsetDateTime.parse(expiring.path("expiresAt"))).isBetween(OffsetDateTime.now().plusDays(89),
                OffsetDateTime.now().plusDays(91));
        given().queryParam("token", expiring.<String>path("token")).when().get("/events.ics").then().statusCode(200);
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update feed_token set expires_at = now() - interval '1 minute' where id = ?::uuid")) {
            update.setString(1, expiring.path("id"));
            update.executeUpdate();
        }
        given().queryParam("token", expiring.<String>path("token")).when().get("/events.ics").then().statusCode(403);

        // A municipality changes its identity provider: feeds its people made with the old one end.
        String realm = Unique.slug("stadtlabore-werl");
        String slug = Unique.slug("test-werl");
        Tokens.createRealm(de.stadtlabore.support.Fixtures.realm(realm, "werl"));
        as(Tokens.networkAdmin()).contentType("application/json")
                .body(de.stadtlabore.support.Fixtures.municipality(slug, Tokens.issuer(realm), "https://werl.example.org"))
                .when().post("/municipalities").then().statusCode(201);
        String feed = as(Tokens.password(realm, "werl-staff")).contentType("application/json")
                .body(Map.of("name", "Team")).when().post("/feed-tokens").then().statusCode(201).extract().path("token");
        given().queryParam("token", feed).when().get("/events.ics").then().statusCode(200);
        String newRealm = Unique.slug("stadtlabore-werl-neu");
        Tokens.createRealm(de.stadtlabore.support.Fixtures.realm(newRealm, "werl"));
        String etag = api().when().get("/municipalities/" + slug).then().extract().header("ETag");
        as(Tokens.networkAdmin()).header("If-Match", etag).contentType("application/json")
                .body(de.stadtlabore.support.Fixtures.municipality(slug, Tokens.issuer(newRealm), "https://werl.example.org"))
                .when().put("/municipalities/" + slug).then().statusCode(200);
        given().queryParam("token", feed).when().get("/events.ics").then().statusCode(403);
    }

    @Test
    void theNetworkFeedHasPublicEventsWithTheirTimeZoneAndNoInternalOnes() throws Exception {
        String ics = given().when().get("/events.ics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar calendar = parse(ics);
        assertThat(calendar.getComponents("VTIMEZONE")).isNotEmpty();
        List<String> uids = calendar.<VEvent>getComponents("VEVENT").stream().map(e -> value(e, "UID")).toList();
        assertThat(uids).contains("5f000000-0000-4000-8000-000000000002@localhost")
                .doesNotContain(COFFEE + "@localhost");
    }

    @Test
    void aPrivateFeedAddsNetworkEventsUntilItIsRevoked() throws Exception {
        var created = as(Tokens.staff("menden")).contentType("application/json").body("{\"name\": \"Teamkalender\"}")
                .when().post("/feed-tokens").then().statusCode(201).extract();
        String token = created.path("token");
        assertThat(created.<String>path("url")).endsWith("/events.ics?token=" + token);
        String ics = given().queryParam("token", token).when().get("/events.ics").then().statusCode(200)
                .extract().asString();
        VEvent coffee = parse(ics).<VEvent>getComponents("VEVENT").stream()
                .filter(e -> value(e, "UID").equals(COFFEE + "@localhost")).findFirst().orElseThrow();
        // Open-ended in the API; a feed names its end after the series' 1,000th occurrence.
        assertThat(value(coffee, "RRULE").split(";")).containsExactlyInAnyOrder("FREQ=MONTHLY", "BYDAY=-1WE",
                "COUNT=1000");
        assertThat(value(coffee, "CLASS")).isEqualTo("PRIVATE");

        as(Tokens.staff("menden")).when().delete("/feed-tokens/" + created.path("id")).then().statusCode(200);
        given().queryParam("token", token).when().get("/events.ics").then().statusCode(403)
                .contentType("application/problem+json");
        given().queryParam("token", "slf_geraten").when().get("/events.ics").then().statusCode(403);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).when()
                .delete("/feed-tokens/" + created.path("id")).then().statusCode(404);
    }

    @Test
    void feedsCarryWhatEndedUpToHalfAYearAgoAndEverythingToCome() throws Exception {
        // Every series used to stay in every feed forever, however long ago it ended (issue 11).
        String staff = Tokens.staff("arnsberg");
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Europe/Berlin"));
        String ended = Unique.name("Vergangene Reihe");
        String recent = Unique.name("Jüngst beendete Reihe");
        String ongoing = Unique.name("Laufende Reihe");
        String[][] series = { { ended, today.minusYears(3).toString(), "FREQ=WEEKLY;COUNT=10" },
                { recent, today.minusDays(120).toString(), "FREQ=WEEKLY;COUNT=4" },
                { ongoing, today.minusYears(2).toString(), "FREQ=MONTHLY" } };
        for (String[] s : series) {
            as(staff).contentType("application/json").body("""
                    {"leadLab": "freiraum-arnsberg", "title": "%s", "description": "Eine Reihe.",
                     "category": "workshop", "format": "in-person", "place": {"lab": "freiraum-arnsberg"},
                     "visibility": "public", "start": "%sT17:00:00", "end": "%sT18:00:00",
                     "recurrence": {"rule": "%s"}}
                    """.formatted(s[0], s[1], s[1], s[2])).when().post("/events").then().statusCode(201);
        }
        String ics = given().when().get("/labs/freiraum-arnsberg/events.ics").then().statusCode(200).extract().asString();
        List<String> titles = parse(ics).<VEvent>getComponents("VEVENT").stream().map(e -> value(e, "SUMMARY")).toList();
        assertThat(titles).contains(recent, ongoing).doesNotContain(ended);
    }

    @Test
    void aKeptFeedShowsAChangeAsSoonAsItIsCommitted() throws Exception {
        // Rendered feeds are kept for a minute and shared (issue 11); a change must not wait for that.
        String staff = Tokens.staff("arnsberg");
        var before = given().when().get("/events.ics").then().statusCode(200).extract();
        given().header("If-None-Match", before.header("ETag")).when().get("/events.ics").then().statusCode(304);
        String title = Unique.name("Gerade angelegt");
        String id = as(staff).contentType("application/json").body("""
                {"leadLab": "freiraum-arnsberg", "title": "%s", "description": "Neu.",
                 "category": "workshop", "format": "in-person", "place": {"lab": "freiraum-arnsberg"},
                 "visibility": "public", "start": "2027-06-02T17:00:00", "end": "2027-06-02T18:00:00",
                 "recurrence": {"rule": "FREQ=WEEKLY;COUNT=3"}}
                """.formatted(title)).when().post("/events").then().statusCode(201).extract().path("id");
        var after = given().header("If-None-Match", before.header("ETag")).when().get("/events.ics").then().statusCode(200)
                .extract();
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.asString()).contains(title);
        as(staff).contentType("application/json").body("{\"cancelled\": true}")
                .when().put("/events/" + id + "/occurrences/2027-06-09T17:00:00").then().statusCode(200);
        assertThat(given().when().get("/events.ics").then().statusCode(200).extract().asString())
                .contains("RECURRENCE-ID;TZID=Europe/Berlin:20270609T170000");
    }

    @Test
    void aSeriesFeedYieldsExactlyTheOccurrencesTheApiLists() throws Exception {
        String staff = Tokens.staff("arnsberg");
        String title = Unique.name("Test Repair-Café");
        String id = as(staff).contentType("application/json").body("""
                {"leadLab": "freiraum-arnsberg", "title": "%s", "description": "Reparieren, statt wegwerfen; mit Kaffee.",
                 "category": "workshop", "topics": ["Nachhaltigkeit", "Reparieren"], "format": "in-person",
                 "place": {"lab": "freiraum-arnsberg"}, "visibility": "public",
                 "start": "2027-03-03T17:00:00", "end": "2027-03-03T19:30:00",
                 "recurrence": {"rule": "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270505T000000Z", "exceptions": ["2027-03-24T17:00:00"]}}
                """.formatted(title)).when().post("/events").then().statusCode(201).extract().path("id");
        as(staff).contentType("application/json").body("{\"cancelled\": true}")
                .when().put("/events/" + id + "/occurrences/2027-04-07T17:00:00").then().statusCode(200);
        as(staff).contentType("application/json")
                .body("{\"cancelled\": false, \"start\": \"2027-04-15T16:00:00\", \"end\": \"2027-04-15T18:00:00\"}")
                .when().put("/events/" + id + "/occurrences/2027-04-14T17:00:00").then().statusCode(200);

        String ics = given().when().get("/events/" + id + ".ics").then().statusCode(200).extract().asString();
        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        Calendar calendar = parse(ics);
        List<VEvent> components = calendar.getComponents("VEVENT");
        VEvent master = components.stream().filter(e -> value(e, "RECURRENCE-ID") == null).findFirst().orElseThrow();
        assertThat(value(master, "SEQUENCE")).isEqualTo("2");
        assertThat(value(master, "SUMMARY")).isEqualTo(title);
        assertThat(value(master, "DESCRIPTION")).isEqualTo("Reparieren, statt wegwerfen; mit Kaffee.");

        // Expand with ical4j, then apply the overrides (RECURRENCE-ID) as a calendar application would.
        ZonedDateTime from = ZonedDateTime.of(2027, 3, 1, 0, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        ZonedDateTime to = from.plusMonths(3);
        Map<Instant, String> fromFeed = new TreeMap<>();
        Set<Period<Temporal>> periods = master.calculateRecurrenceSet(new Period<>(from, to));
        for (Period<Temporal> period : periods) {
            fromFeed.put(instant(period.getStart()), "scheduled");
        }
        Map<Instant, Instant> moved = new HashMap<>();
        for (VEvent override : components) {
            DateProperty<Temporal> recurrenceId = override.<DateProperty<Temporal>>getProperty("RECURRENCE-ID").orElse(null);
            if (recurrenceId == null) {
                continue;
            }
            Instant original = instant(recurrenceId.getDate());
            Instant start = instant(override.<DateProperty<Temporal>>getProperty("DTSTART").orElseThrow().getDate());
            if ("CANCELLED".equals(value(override, "STATUS"))) {
                fromFeed.put(original, "cancelled");
            } else {
                fromFeed.remove(original);
                fromFeed.put(start, "scheduled");
                moved.put(original, start);
            }
        }

        List<String> starts = api().queryParam("from", "2027-03-01T00:00:00+01:00")
                .queryParam("to", "2027-06-01T00:00:00+02:00").queryParam("q", title).queryParam("size", 50)
                .when().get("/occurrences").then().statusCode(200).extract().path("items.startsAt");
        List<String> statuses = api().queryParam("from", "2027-03-01T00:00:00+01:00")
                .queryParam("to", "2027-06-01T00:00:00+02:00").queryParam("q", title).queryParam("size", 50)
                .when().get("/occurrences").then().extract().path("items.status");
        Map<Instant, String> fromApi = new TreeMap<>();
        for (int i = 0; i < starts.size(); i++) {
            fromApi.put(OffsetDateTime.parse(starts.get(i)).toInstant(), statuses.get(i));
        }
        assertThat(fromFeed).isEqualTo(fromApi);
        assertThat(fromApi).hasSize(8); // 9 Wednesdays from 3 March to 28 April 2027, one skipped by EXDATE
        assertThat(moved).hasSize(1);
        // Daylight saving began on 28 March 2027: 17:00 local is 16:00Z before and 15:00Z after.
        assertThat(fromApi).containsKey(Instant.parse("2027-03-03T16:00:00Z")).containsKey(Instant.parse("2027-03-31T15:00:00Z"));
    }

    @Test
    void labAndMunicipalityFeedsCarryTheirEventsAndAnETag() throws Exception {
        var response = given().when().get("/labs/zukunftswerkstadt-menden/events.ics").then().statusCode(200).extract();
        assertThat(parse(response.asString()).<VEvent>getComponents("VEVENT").stream().map(e -> value(e, "UID")))
                .contains("5f000000-0000-4000-8000-000000000002@localhost");
        given().header("If-None-Match", response.header("ETag")).when().get("/labs/zukunftswerkstadt-menden/events.ics")
                .then().statusCode(304);
        String soest = given().when().get("/municipalities/soest/events.ics").then().statusCode(200).extract().asString();
        List<String> uids = new ArrayList<>(parse(soest).<VEvent>getComponents("VEVENT").stream().map(e -> value(e, "UID")).toList());
        // Iserlohn's workshop is co-organised by Soest.
        assertThat(uids).contains("5f000000-0000-4000-8000-000000000003@localhost", "5f000000-0000-4000-8000-000000000004@localhost")
                .doesNotContain("5f000000-0000-4000-8000-000000000002@localhost");
    }
}
