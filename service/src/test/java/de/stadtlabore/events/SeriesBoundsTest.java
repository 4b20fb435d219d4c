package de.stadtlabore.events;

import static de.stadtlabore.events.EventsTest.event;
import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a series and a window may be, so that no request's cost depends on how long ago a series
 * started or how far away a window lies (security review, finding 1).
 */
@QuarkusTest
class SeriesBoundsTest {

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    OccurrenceIndex occurrenceIndex;

    private static final LocalDateTime SOON = LocalDate.now(ZoneOffset.UTC).plusDays(30).atTime(10, 0);

    private static String at(LocalDateTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String midnight(LocalDate day) {
        return day + "T00:00:00Z";
    }

    private static String series(String title, LocalDateTime start, String rule) {
        return event("freiraum-arnsberg", title, at(start), at(start.plusHours(1)), rule, null);
    }

    @Test
    void seriesThatWouldCostEveryReaderAreRefusedAndNothingIsStored() {
        String staff = Tokens.staff("arnsberg");
        String tag = Unique.slug("bounds");
        String[][] cases = {
                { series("Test A " + tag, SOON, "FREQ=SECONDLY"), "recurrence.rule" },
                { series("Test B " + tag, SOON, "FREQ=MINUTELY;COUNT=10"), "recurrence.rule" },
                { series("Test C " + tag, SOON, "FREQ=HOURLY;COUNT=10"), "recurrence.rule" },
                { series("Test D " + tag, SOON, "FREQ=DAILY;BYHOUR=1,2,3"), "recurrence.rule" },
                { series("Test E " + tag, SOON, "FREQ=DAILY;COUNT=5000"), "recurrence.rule" },
                { series("Test F " + tag, SOON, "FREQ=DAILY;UNTIL=20991231T000000Z"), "recurrence.rule" },
                { series("Test G " + tag, SOON, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), "recurrence.rule" },
                // Found in review: lib-recur spent minutes on huge intervals, and threw on BYSETPOS.
                { series("Test G2 " + tag, SOON, "FREQ=WEEKLY;INTERVAL=10000000"), "recurrence.rule" },
                { series("Test G3 " + tag, SOON, "FREQ=DAILY;INTERVAL=2147483647"), "recurrence.rule" },
                { series("Test G4 " + tag, SOON, "FREQ=YEARLY;COUNT=1000"), "recurrence.rule" },
                { series("Test G5 " + tag, SOON, "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3"), "recurrence.rule" },
                { series("Test H " + tag, LocalDateTime.of(1990, 1, 1, 10, 0), "FREQ=WEEKLY"), "start" },
                { series("Test I " + tag, LocalDateTime.of(1800, 1, 1, 10, 0), "FREQ=DAILY"), "start" },
                { event("freiraum-arnsberg", "Test J " + tag, "0001-01-01T10:00", "0001-01-01T11:00", null, null),
                        "start" },
                { event("freiraum-arnsberg", "Test K " + tag, at(SOON), "2099-01-01T11:00", null, null), "end" },
                { event("freiraum-arnsberg", "Test L " + tag, at(SOON), at(SOON.plusHours(1)), "FREQ=WEEKLY",
                        "\"1990-01-01T10:00\""), "recurrence.exceptions[0]" } };
        for (String[] c : cases) {
            wrongRequest().header("Authorization", "Bearer " + staff).contentType("application/json").body(c[0])
                    .when().post("/events").then().statusCode(400).body("errors.field", contains(c[1]));
        }
        as(staff).queryParam("q", tag).when().get("/occurrences").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aSeriesWithinTheBoundsIsAccepted() {
        String tag = Unique.slug("bounds");
        EventsTest.create(Tokens.staff("arnsberg"), series("Test " + tag, SOON, "FREQ=DAILY;COUNT=1000"));
        EventsTest.create(Tokens.staff("arnsberg"), series("Test open " + tag, SOON, "FREQ=WEEKLY"));
        api().queryParam("q", tag).queryParam("from", midnight(SOON.toLocalDate()))
                .queryParam("to", midnight(SOON.toLocalDate().plusDays(28))).when().get("/occurrences")
                .then().statusCode(200).body("totalItems", equalTo(28 + 4));
    }

    @Test
    void windowsFarFromTodayAreRefused() {
        for (String[] window : new String[][] { { "9999-01-01T00:00:00Z", null, "from" },
                { "1800-01-01T00:00:00Z", "2027-02-01T00:00:00Z", "from" },
                { null, "9999-12-31T00:00:00Z", "to" } }) {
            var request = wrongRequest();
            if (window[0] != null) {
                request.queryParam("from", window[0]);
            }
            if (window[1] != null) {
                request.queryParam("to", window[1]);
            }
            request.when().get("/occurrences").then().statusCode(400).body("errors.field", hasSize(1))
                    .body("errors[0].field", equalTo(window[2]));
        }
    }

    @Test
    void aSeriesStoredBeforeTheseBoundsEndsAfterItsLastAllowedOccurrence() throws Exception {
        String tag = Unique.slug("legacy");
        String id = EventsTest.create(Tokens.staff("arnsberg"), series("Test " + tag, SOON, "FREQ=WEEKLY;COUNT=3"));
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update event set rrule = 'FREQ=SECONDLY', starts_local = '1990-01-01T10:00',"
                        + " ends_local = '1990-01-01T10:00:01' where id = ?::uuid")) {
            update.setString(1, id);
            update.executeUpdate();
        }
        // As after an upgrade: the service indexes events changed outside it when it starts.
        occurrenceIndex.indexAll();
        // Every reader used to fast-forward this series through 37 years of seconds; now an
        // expansion stops after the series' 1,000th occurrence, in 1990.
        api().queryParam("q", tag).when().get("/occurrences").then().statusCode(200)
                .body("totalItems", equalTo(0));
        api().queryParam("q", tag).queryParam("from", midnight(LocalDate.now(ZoneOffset.UTC).minusYears(5).plusDays(1))).when().get("/occurrences").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }
}
