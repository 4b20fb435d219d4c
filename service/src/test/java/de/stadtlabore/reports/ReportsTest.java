package de.stadtlabore.reports;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;

/** The network's reports count what happened between municipalities, for members only. */
@QuarkusTest
class ReportsTest {

    /** A month far enough ahead that only this test's loans and events fall into it for these labs. */
    private static final YearMonth MONTH = YearMonth.now(ZoneId.of("Europe/Berlin")).plusMonths(7);

    @Test
    void lendingCountsAgreedLoansBetweenMunicipalitiesWithTheirDays() {
        String soest = Tokens.staff("soest");
        String menden = Tokens.staff("menden");
        Map<String, Object> before = lendingRow("soest", "menden");
        String item = Fixtures.createItem(soest, "stadtlabor-soest", Unique.name("TEST-REPORT"), "camera", "network");
        OffsetDateTime start = MONTH.atDay(10).atTime(9, 0).atOffset(ZoneOffset.UTC);
        // Two and a half days: three loan-days. Approved: counts.
        String approved = Fixtures.requestLoan(menden, item, "zukunftswerkstadt-menden", start, start.plusHours(60));
        as(soest).when().post("/reservations/" + approved + "/approve").then().statusCode(200);
        // Only requested, and lent within Soest: neither counts.
        Fixtures.requestLoan(menden, item, "zukunftswerkstadt-menden", start.plusDays(5), start.plusDays(6));
        Fixtures.requestLoan(soest, item, "stadtlabor-soest", start.plusDays(8), start.plusDays(9));

        Map<String, Object> after = lendingRow("soest", "menden");
        assertThat(number(after, "loans") - number(before, "loans")).isEqualTo(1);
        assertThat(number(after, "loanDays") - number(before, "loanDays")).isEqualTo(3);
        assertThat(rows(Tokens.staff("arnsberg"), "/reports/lending")).noneMatch(r -> r.get("lender").equals(r.get("borrower")));

        String csv = as(soest).accept("text/csv").queryParam("from", MONTH.toString()).queryParam("to", MONTH.toString())
                .when().get("/reports/lending").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment")).extract().asString();
        assertThat(csv).startsWith("\"month\",\"lender\",\"borrower\",\"loans\",\"loanDays\"\r\n")
                .contains("\"" + MONTH + "\",\"soest\",\"menden\",");
    }

    @Test
    void eventsCountOccurrencesThatTookPlaceWithTheirSeatsNeverWho() {
        String staff = Tokens.staff("iserlohn");
        Map<String, Object> before = eventsRow("waldstadtlabor-iserlohn");
        LocalDateTime start = MONTH.atDay(3).atTime(18, 0);
        String event = as(staff).contentType("application/json").body("""
                {"leadLab": "waldstadtlabor-iserlohn", "title": "%s", "category": "vortrag", "format": "in-person",
                 "place": {"lab": "waldstadtlabor-iserlohn"}, "visibility": "public", "start": "%s", "end": "%s",
                 "recurrence": {"rule": "FREQ=WEEKLY;COUNT=3"}, "registration": {"capacity": 10, "maxSeatsPerRegistration": 3}}
                """.formatted(Unique.name("Test Bericht"), start, start.plusHours(2)))
                .when().post("/events").then().statusCode(201).extract().path("id");
        String email = "bericht-" + Unique.slug("x") + "@example.org";
        api().contentType("application/json").body(Map.of("name", "Erika Bericht", "email", email, "consent", true,
                "seats", 3)).when().post("/events/" + event + "/occurrences/" + start + "/registrations")
                .then().statusCode(201);
        as(staff).contentType("application/json").body(Map.of("cancelled", true))
                .when().put("/events/" + event + "/occurrences/" + start.plusWeeks(2)).then().statusCode(200);

        Map<String, Object> after = eventsRow("waldstadtlabor-iserlohn");
        assertThat(number(after, "occurrences") - number(before, "occurrences")).isEqualTo(2);
        assertThat(number(after, "registrations") - number(before, "registrations")).isEqualTo(1);
        assertThat(number(after, "seats") - number(before, "seats")).isEqualTo(3);
        String json = as(staff).queryParam("from", MONTH.toString()).queryParam("to", MONTH.toString())
                .when().get("/reports/events").then().statusCode(200).extract().asString();
        assertThat(json).doesNotContain(email).doesNotContain("Erika");
    }

    @Test
    void membersReadReportsThePublicDoesNot() {
        String admin = Tokens.admin("arnsberg");
        wrongRequest().when().get("/reports/lending").then().statusCode(401);
        wrongRequest().when().get("/reports/events").then().statusCode(401);
        String inventory = Fixtures.apiKey(admin, List.of("inventory:read"));
        api().header("X-API-Key", inventory).when().get("/reports/lending").then().statusCode(200);
        wrongRequest().header("X-API-Key", inventory).when().get("/reports/events").then().statusCode(403);
        as(Tokens.networkAdmin()).when().get("/reports/events").then().statusCode(200)
                .body("to", equalTo(YearMonth.now(ZoneId.of("Europe/Berlin")).toString()));

        for (String[] bad : new String[][] { { "2026-13", "2026-12" }, { "Juni", "2026-12" }, { "2026-06", "2026-01" },
                { "2020-01", "2026-01" } }) {
            wrongRequest().header("Authorization", "Bearer " + admin).queryParam("from", bad[0]).queryParam("to", bad[1])
                    .when().get("/reports/lending").then().statusCode(400).contentType("application/problem+json");
        }
    }

    private static Map<String, Object> lendingRow(String lender, String borrower) {
        return rows(Tokens.staff("soest"), "/reports/lending").stream()
                .filter(r -> r.get("lender").equals(lender) && r.get("borrower").equals(borrower)).findFirst()
                .orElse(Map.of());
    }

    private static Map<String, Object> eventsRow(String lab) {
        return rows(Tokens.staff("iserlohn"), "/reports/events").stream().filter(r -> r.get("lab").equals(lab))
                .findFirst().orElse(Map.of());
    }

    private static List<Map<String, Object>> rows(String token, String path) {
        return as(token).queryParam("from", MONTH.toString()).queryParam("to", MONTH.toString()).when().get(path)
                .then().statusCode(200).body("from", equalTo(MONTH.toString())).extract().path("rows");
    }

    private static long number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
