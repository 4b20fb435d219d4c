package de.stadtlabore.events;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;

/** Staff manage events as series: a list of what the caller may see, with each series' rule and next occurrence. */
@QuarkusTest
class EventSeriesListTest {

    @Test
    void listsSeriesWithTheirRuleAndNextOccurrenceAsEachCallerMaySee() {
        String word = "Serienliste" + Unique.slug("x").replace("-", "");
        String staff = Tokens.staff("soest");
        LocalDateTime firstMonday = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atTime(18, 0);
        String series = create(staff, word + " Reparaturcafé", "network", firstMonday,
                ", \"recurrence\": {\"rule\": \"FREQ=WEEKLY;BYDAY=MO\"}");
        String single = create(staff, word + " Vortrag", "public", firstMonday.plusDays(2), "");

        api().queryParam("q", word).when().get("/events").then().statusCode(200)
                .body("items.id", contains(single)).body("totalItems", equalTo(1));
        as(staff).queryParam("q", word).when().get("/events").then().statusCode(200)
                .body("items.id", containsInAnyOrder(series, single))
                .body("items.find { it.id == '" + series + "' }.recurrence.rule", equalTo("FREQ=WEEKLY;BYDAY=MO"))
                .body("items.find { it.id == '" + series + "' }.nextOccurrence.occurrence",
                        equalTo(firstMonday.toString() + ":00"));

        // The next occurrence skips a cancelled one.
        as(staff).contentType("application/json").body(Map.of("cancelled", true))
                .when().put("/events/" + series + "/occurrences/" + firstMonday).then().statusCode(200);
        as(staff).queryParam("q", word).queryParam("visibility", "network").when().get("/events").then().statusCode(200)
                .body("items.id", contains(series))
                .body("items[0].nextOccurrence.occurrence", equalTo(firstMonday.plusWeeks(1).toString() + ":00"));

        // Filters: organising lab, municipality, status.
        as(staff).queryParam("q", word).queryParam("lab", "freiraum-arnsberg").when().get("/events").then()
                .statusCode(200).body("items", empty());
        as(staff).queryParam("q", word).queryParam("municipality", "soest").queryParam("status", "scheduled")
                .when().get("/events").then().statusCode(200).body("totalItems", equalTo(2));
        String etag = as(staff).when().get("/events/" + single).then().extract().header("ETag");
        as(staff).header("If-Match", etag).contentType("application/json")
                .body(body(word + " Vortrag", "public", firstMonday.plusDays(2), "", "cancelled"))
                .when().put("/events/" + single).then().statusCode(200);
        api().queryParam("q", word).queryParam("status", "cancelled").when().get("/events").then().statusCode(200)
                .body("items.id", contains(single)).body("items[0].status", equalTo("cancelled"));

        wrongRequest().queryParam("status", "verschoben").when().get("/events").then().statusCode(400);
        wrongRequest().queryParam("project", "kein-projekt").when().get("/events").then().statusCode(400);
    }

    @Test
    void anEventThatIsOverHasNoNextOccurrence() {
        String word = "Vorbei" + Unique.slug("x").replace("-", "");
        String staff = Tokens.staff("menden");
        LocalDateTime yesterday = LocalDateTime.now(ZoneId.of("Europe/Berlin")).minusDays(1).withNano(0).withSecond(0);
        String past = as(staff).contentType("application/json")
                .body(body(word, "public", yesterday, "", null).replace("stadtlabor-soest", "zukunftswerkstadt-menden"))
                .when().post("/events").then().statusCode(201).extract().path("id");
        api().queryParam("q", word).when().get("/events").then().statusCode(200).body("items.id", contains(past))
                .body("items[0].nextOccurrence", nullValue());
    }

    private static String create(String token, String title, String visibility, LocalDateTime start, String extra) {
        return as(token).contentType("application/json").body(body(title, visibility, start, extra, null))
                .when().post("/events").then().statusCode(201).extract().path("id");
    }

    private static String body(String title, String visibility, LocalDateTime start, String extra, String status) {
        return """
                {"leadLab": "stadtlabor-soest", "title": "%s", "category": "workshop", "format": "in-person",
                 "place": {"lab": "stadtlabor-soest"}, "visibility": "%s", "start": "%s", "end": "%s"%s%s}
                """.formatted(title, visibility, start, start.plusHours(2), extra,
                status == null ? "" : ", \"status\": \"" + status + "\"");
    }
}
