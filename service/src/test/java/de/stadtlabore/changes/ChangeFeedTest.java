package de.stadtlabore.changes;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;

/**
 * The change feed: a reader that follows the cursor while others write sees every change
 * exactly once, in the order positions were given, and only what it may see.
 */
@QuarkusTest
class ChangeFeedTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @jakarta.inject.Inject
    ChangeService changes;

    @Test
    void aReaderFollowingTheCursorDuringConcurrentWritesMissesNothingAndSeesNothingTwice() throws Exception {
        String staff = Tokens.staff("soest");
        String start = latestCursor(staff);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<?> reading;
        try {
            reading = reader.submit(() -> {
                String cursor = start;
                boolean last = false;
                while (true) {
                    boolean done = !writing.get();
                    var page = as(staff).queryParam("after", cursor).queryParam("types", "item.created")
                            .queryParam("size", "7").when().get("/changes").then().statusCode(200).extract();
                    seen.addAll(page.<List<String>>path("items.data.id"));
                    cursor = page.path("next");
                    if (!page.<Boolean>path("more")) {
                        if (last) {
                            return null;
                        }
                        last = done; // one more full read after the writers stopped
                    }
                }
            });
            List<Callable<String>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(() -> Fixtures.createItem(staff, "stadtlabor-soest", Unique.name("TEST-FEED"), "camera", "network"));
            }
            List<String> created = Race.run(writes, 8);
            writing.set(false);
            reading.get();

            assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * A change whose transaction began earlier but commits later than another one still reaches a
     * reader who has already read past the other: positions follow commits, not starts.
     */
    @Test
    void aChangeCommittedLateIsNotSkippedByAReaderWhoReadPastItsSuccessor() throws Exception {
        String staff = Tokens.staff("soest");
        String cursor = latestCursor(staff);
        String late = java.util.UUID.randomUUID().toString();
        try (var slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (var insert = slow.prepareStatement("insert into change_event (id, type, capability, occurred_at, reach, data)"
                    + " values (gen_random_uuid(), 'item.created', 'inventory', now(), 'public', cast(? as jsonb))")) {
                insert.setString(1, "{\"id\": \"" + late + "\"}");
                insert.executeUpdate();
            }
            String early = Fixtures.createItem(staff, "stadtlabor-soest", Unique.name("TEST-ORDER"), "camera", "network");
            var first = as(staff).queryParam("after", cursor).queryParam("types", "item.created").when().get("/changes")
                    .then().statusCode(200).extract();
            assertThat(first.<List<String>>path("items.data.id")).contains(early).doesNotContain(late);
            cursor = first.path("next");
            slow.commit();
        }
        assertThat(as(staff).queryParam("after", cursor).queryParam("types", "item.created").when().get("/changes")
                .then().statusCode(200).extract().<List<String>>path("items.data.id")).containsExactly(late);
    }

    /** Changes past their retention are pruned; a cursor from before them says so (410) instead of skipping them. */
    @Test
    void aCursorFromBeforePrunedChangesIsRefusedWith410() throws Exception {
        String staff = Tokens.staff("menden");
        String before = latestCursor(staff);
        String item = Fixtures.createItem(staff, "zukunftswerkstadt-menden", Unique.name("TEST-PRUNE"), "camera", "network");
        String after = latestCursor(staff);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("update change_event set occurred_at = now() - interval '100 days'"
                    + " where data->>'id' = '" + item + "'")).isEqualTo(1);
        }
        assertThat(changes.prune()).isEqualTo(1);

        wrongRequest().header("Authorization", "Bearer " + staff).queryParam("after", before).when().get("/changes")
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:cursor-expired"));
        as(staff).queryParam("after", after).when().get("/changes").then().statusCode(200);
        assertThat(WebhooksTest.feedIds(staff, "item.created")).doesNotContain(item);
        // Positions are never given twice: the next change follows the pruned one (it was the newest).
        String next = Fixtures.createItem(staff, "zukunftswerkstadt-menden", Unique.name("TEST-PRUNE"), "camera", "network");
        as(staff).queryParam("after", after).queryParam("types", "item.created").when().get("/changes").then()
                .statusCode(200).body("items.data.id", hasItem(next));
    }

    @Test
    void registrationsAppearAsSeatCountsOnly() {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(15);
        String event = as(Tokens.staff("menden")).contentType("application/json").body("""
                {"leadLab": "zukunftswerkstadt-menden", "title": "%s", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "zukunftswerkstadt-menden"}, "visibility": "public",
                 "start": "%s", "end": "%s", "registration": {"capacity": 2, "maxSeatsPerRegistration": 2}}
                """.formatted(Unique.name("Test Feed"), start, start.plusHours(1)))
                .when().post("/events").then().statusCode(201).extract().path("id");
        String cursor = latestCursor(null);
        String email = "feed-" + Unique.slug("x") + "@example.org";
        api().contentType("application/json").body(Map.of("name", "Erika Geheim", "email", email, "consent", true,
                "seats", 2)).when().post("/events/" + event + "/occurrences/" + start + "/registrations")
                .then().statusCode(201);

        var feed = api().queryParam("after", cursor).queryParam("types", "registrations.changed").when().get("/changes")
                .then().statusCode(200).body("items.type", hasItem("registrations.changed")).extract();
        assertThat(feed.asString()).doesNotContain(email).doesNotContain("Geheim");
        Map<String, Object> data = feed.path("items.find { it.data.event == '" + event + "' }.data");
        assertThat(data).containsOnlyKeys("event", "occurrence", "capacity", "confirmedSeats", "waitlisted")
                .containsEntry("confirmedSeats", 2).containsEntry("capacity", 2);
    }

    @Test
    void keysSeeTheCapabilitiesOfTheirScopesAndTheFeedRefusesWhatItDoesNotKnow() {
        String admin = Tokens.admin("iserlohn");
        String cursor = latestCursor(admin);
        String item = Fixtures.createItem(Tokens.staff("iserlohn"), "waldstadtlabor-iserlohn", Unique.name("TEST-SCOPE"),
                "camera", "lab");
        String events = Fixtures.apiKey(admin, List.of("events:read"));
        String inventory = Fixtures.apiKey(admin, List.of("inventory:read"));
        api().header("X-API-Key", inventory).queryParam("after", cursor).when().get("/changes").then().statusCode(200)
                .body("items.data.id", hasItem(item));
        api().header("X-API-Key", events).queryParam("after", cursor).when().get("/changes").then().statusCode(200)
                .body("items.data.id", org.hamcrest.Matchers.not(hasItem(item)));

        wrongRequest().queryParam("after", "kein-cursor").when().get("/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        wrongRequest().queryParam("types", "item.exploded").when().get("/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("types"));
    }

    /** The cursor after everything the caller can see now. */
    static String latestCursor(String token) {
        String cursor = null;
        while (true) {
            var request = token == null ? api() : as(token);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.queryParam("size", "100").when().get("/changes").then().statusCode(200).extract();
            cursor = page.path("next");
            if (!page.<Boolean>path("more")) {
                return cursor;
            }
        }
    }
}
