package de.stadtlabore.packaging;

import static de.stadtlabore.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.KeycloakAndDatabase;
import de.stadtlabore.support.KeycloakTokens;
import de.stadtlabore.support.Load;
import de.stadtlabore.support.Onboarding;
import de.stadtlabore.support.Postgres;
import de.stadtlabore.support.Receiver;
import de.stadtlabore.support.Replica;
import de.stadtlabore.support.Unique;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Operations as a city's data centre meets them (issue 13), each against packaged replicas of
 * the production build and a real, durable PostgreSQL: the database restarts, a replica is killed
 * or stopped, replicas start together and share jobs, an identity provider hangs, a backup is
 * restored.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = KeycloakAndDatabase.class, restrictToAnnotatedClass = true)
class OperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Replicas under load: no rate limit gets in the way, mails stay in memory. */
    private static Map<String, String> unlimited(Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "stadtlabore.rate-limit.anonymous", "100000000",
                "stadtlabore.rate-limit.person", "100000000",
                "stadtlabore.rate-limit.registration-per-address", "100000000",
                "stadtlabore.rate-limit.registration-per-email", "100000000",
                "stadtlabore.mail.mock", "true"));
        properties.putAll(more);
        return properties;
    }

    private static String base(Replica replica) {
        return replica.baseUri() + ":" + replica.port();
    }

    /**
     * Finding (issue 13): while PostgreSQL was down every call answered 500, and after it was
     * back the service kept answering 500 for about two minutes, until the pool's background
     * validation dropped the dead connections.
     */
    @Test
    void aDatabaseRestartIsA503WhileItIsDownAndHealsWithinSecondsWithoutARestart() throws Exception {
        try (Postgres db = Postgres.start();
                Replica replica = Replica.start("db-restart", unlimited(Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl())))) {
            String base = base(replica);
            long recoveredAfter;
            try (Load load = Load.start(4, client -> n -> Load.get(base, client % 2 == 0 ? "/labs" : "/items"),
                    Duration.ofMillis(20))) {
                load.phase("up");
                Thread.sleep(2000);
                db.stop();
                load.phase("stopping");
                // The first failures make the gate probe the database; when that fails, it opens.
                Thread.sleep(4000);
                load.phase("down");
                Awaitility.await("readiness DOWN").atMost(Duration.ofSeconds(15)).until(() -> replica.probe("ready") == 503);
                assertThat(replica.probe("live")).as("liveness stays UP: restarting the pod would not help").isEqualTo(200);
                replica.given().when().get("/labs").then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:stadtlabore:problem:service-unavailable"));
                // Checking an API key needs the database too: its absence is a 503, not a wrong key.
                replica.given().header("X-API-Key", "slk_abcd2345_" + "A".repeat(43)).when().get("/me").then()
                        .statusCode(503).contentType("application/problem+json");
                Thread.sleep(3000);
                load.phase("restarting");
                long restarted = System.nanoTime();
                db.restart();
                Awaitility.await("answers again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> replica.given().when().get("/labs").statusCode() == 200);
                recoveredAfter = Duration.ofNanos(System.nanoTime() - restarted).toMillis();
                load.phase("healed");
                Thread.sleep(3000);
                load.close();

                List<Load.Outcome> all = load.outcomes();
                assertThat(all).as("no server error, ever").noneMatch(o -> o.status() == 500);
                assertThat(all).as("every call answered in time (no hang)").allMatch(Load.Outcome::answered);
                // Requests sent while it was down and answered before it was back.
                List<Load.Outcome> down = load.outcomes(o -> o.phase().equals("down") && o.finishedNanos() < restarted);
                System.out.printf("Database down: %d calls answered 503 in %d-%d ms%n", down.size(),
                        down.stream().mapToLong(Load.Outcome::millis).min().orElse(0),
                        down.stream().mapToLong(Load.Outcome::millis).max().orElse(0));
                assertThat(down).isNotEmpty().allSatisfy(o -> {
                    assertThat(o.status()).isEqualTo(503);
                    assertThat(o.contentType()).startsWith("application/problem+json");
                    assertThat(o.millis()).as("fails fast: the database gate is open").isLessThan(1000);
                });
                assertThat(load.outcomes(o -> o.phase().equals("healed"))).isNotEmpty()
                        .allSatisfy(o -> assertThat(o.status()).isEqualTo(200));
            }
            System.out.printf("Database restart: answering again %d ms after the database's return%n", recoveredAfter);
            assertThat(recoveredAfter).as("healed within seconds of the database's return (ms)").isLessThan(10_000);
            Awaitility.await("ready again").atMost(Duration.ofSeconds(15)).until(replica::ready);
        }
    }

    @Test
    void aReplicaKilledUnderWriteLoadLosesNoAcknowledgedWriteAndTheOtherCarriesOn() throws Exception {
        Onboarding.municipality("arnsberg");
        String staff = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-staff");
        List<String> items = List.of(
                Fixtures.createItem(staff, "stadtlabor-arnsberg", Unique.name("KILL-A"), "camera", "network"),
                Fixtures.createItem(staff, "stadtlabor-arnsberg", Unique.name("KILL-B"), "camera", "network"));
        LocalDateTime start = LocalDateTime.now().plusDays(20).truncatedTo(ChronoUnit.HOURS);
        String event = event(staff, start, 100_000);
        String registrations = "/events/" + event + "/occurrences/" + start + "/registrations";
        OffsetDateTime firstDay = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.DAYS).withHour(9);

        try (Replica doomed = Replica.launch("kill-a", unlimited(Map.of()));
                Replica survivor = Replica.launch("kill-b", unlimited(Map.of()))) {
            doomed.awaitReady(Duration.ofMinutes(2));
            survivor.awaitReady(Duration.ofMinutes(2));
            List<Replica> replicas = List.of(doomed, survivor);
            // Clients 0 and 1 book (each its own item, one day after another), 2 and 3 register;
            // even clients talk to the replica that dies.
            Load load = Load.start(4, client -> {
                String base = base(replicas.get(client % 2));
                return n -> client < 2
                        ? Load.post(base, "/reservations", Fixtures.loan(items.get(client), "stadtlabor-arnsberg",
                                firstDay.plusDays(n), firstDay.plusDays(n).plusHours(3)), staff)
                        : Load.post(base, registrations, "{\"name\":\"Kim Beispiel\",\"email\":\"kill-" + client + "-" + n
                                + "@example.org\",\"consent\":true,\"seats\":1}", null);
            }, Duration.ofMillis(10));
            load.phase("both");
            Thread.sleep(4000);
            doomed.kill();
            load.phase("after-kill");
            Thread.sleep(4000);
            load.close();

            List<Load.Outcome> all = load.outcomes();
            List<Load.Outcome> acknowledged = load.outcomes(o -> o.status() == 201);
            assertThat(load.outcomes(o -> o.phase().equals("both") && o.status() == 201 && o.client() % 2 == 0))
                    .as("the doomed replica wrote before it died").hasSizeGreaterThan(5);
            assertThat(load.outcomes(o -> o.phase().equals("after-kill") && o.status() == 201 && o.client() % 2 == 1))
                    .as("the other replica carries on").hasSizeGreaterThan(5);
            assertThat(load.outcomes(o -> o.client() % 2 == 1)).as("nothing failed on the surviving replica")
                    .allMatch(o -> o.status() == 201);
            assertThat(all).noneMatch(o -> o.status() >= 500);

            System.out.printf("Kill -9 under writes: %d writes acknowledged (%d by the killed replica), %d after the kill by the other%n",
                    acknowledged.size(), acknowledged.stream().filter(o -> o.client() % 2 == 0).count(),
                    acknowledged.stream().filter(o -> o.phase().equals("after-kill") && o.client() % 2 == 1).count());
            Set<String> reservations = new HashSet<>();
            Set<String> registered = new HashSet<>();
            for (Load.Outcome o : acknowledged) {
                String id = JSON.readTree(o.body()).path("id").asText();
                (o.target().equals("/reservations") ? reservations : registered).add(id);
            }
            try (Connection db = KeycloakAndDatabase.connect()) {
                assertThat(setting(db, "fsync")).isEqualTo("on");
                assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
                Set<String> storedReservations = ids(db, "select id::text from reservation where item_id = any(?::uuid[])",
                        items.toArray(String[]::new));
                Set<String> storedRegistrations = ids(db, "select id::text from registration where event_id = ?::uuid",
                        event);
                assertThat(storedReservations).as("every acknowledged booking is stored").containsAll(reservations);
                assertThat(storedRegistrations).as("every acknowledged registration is stored").containsAll(registered);
                // Nothing half-written: whatever reached the database has its audit entry and its
                // change, acknowledged or cut off by the kill.
                assertThat(ids(db, """
                        select r.id::text from reservation r where r.item_id = any(?::uuid[])
                          and (not exists (select 1 from audit_event a where a.target_type = 'reservation' and a.target_id = r.id::text)
                            or not exists (select 1 from change_event c where c.data ->> 'id' = r.id::text))
                        """, items.toArray(String[]::new))).isEmpty();
                assertThat(ids(db, """
                        select r.id::text from registration r where r.event_id = ?::uuid
                          and not exists (select 1 from audit_event a where a.target_type = 'registration' and a.target_id = r.id::text)
                        """, event)).isEmpty();
            }
        }
    }

    @Test
    void sigtermTurnsReadinessDownFirstThenFinishesWhatIsInFlightAndStops() throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(21).truncatedTo(ChronoUnit.HOURS);
        String event = arnsbergEvent(start, 100);
        Replica replica = Replica.start("graceful", unlimited(Map.of("quarkus.shutdown.delay", "3S",
                "quarkus.shutdown.timeout", "20S")));
        try (Socket socket = new Socket("127.0.0.1", replica.port())) {
            socket.setSoTimeout(30_000);
            byte[] body = JSON.writeValueAsString(Map.of("name", "Kim Beispiel", "email", "in-flight@example.org",
                    "consent", true, "seats", 1)).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /events/" + event + "/occurrences/" + start + "/registrations HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500);

            long terminated = System.nanoTime();
            replica.terminate();
            Awaitility.await("readiness DOWN at once").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> replica.probe("ready") == 503);
            // The load balancer has not noticed yet: new requests are still served meanwhile.
            replica.given().when().get("/labs").then().statusCode(200);
            Thread.sleep(Math.max(0, 4500 - Duration.ofNanos(System.nanoTime() - terminated).toMillis()));
            assertThat(replica.alive()).as("waits for the request in flight after the delay").isTrue();

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201");
        } finally {
            assertThat(replica.await(Duration.ofSeconds(30))).as("stopped").isNotEqualTo(-1);
        }
        assertThat(replica.output()).doesNotContain("ERROR");
    }

    /**
     * Two replicas behind a balancer that routes by readiness, as a Kubernetes Service does;
     * each is replaced in turn (a new one started, the old one sent SIGTERM) while clients read
     * and register: every request is answered, none with an error.
     */
    @Test
    void aRollingRestartUnderLoadLosesNoRequest() throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(22).truncatedTo(ChronoUnit.HOURS);
        String event = arnsbergEvent(start, 100_000);
        String registrations = "/events/" + event + "/occurrences/" + start + "/registrations";
        Map<String, String> settings = unlimited(Map.of("quarkus.shutdown.delay", "3S"));
        List<Replica> started = new CopyOnWriteArrayList<>();
        try (Balancer balancer = new Balancer()) {
            for (String name : List.of("roll-a", "roll-b")) {
                started.add(balancer.add(Replica.launch(name, settings)));
            }
            started.forEach(replica -> replica.awaitReady(Duration.ofMinutes(2)));
            Load load = Load.start(2, client -> n -> {
                Replica target = balancer.pick(client + n);
                if (target == null) {
                    return null;
                }
                return client == 0 ? Load.get(base(target), "/labs")
                        : Load.post(base(target), registrations, "{\"name\":\"Kim Beispiel\",\"email\":\"roll-" + client + "-"
                                + n + "-" + UUID.randomUUID() + "@example.org\",\"consent\":true,\"seats\":1}", null);
            }, Duration.ofMillis(10));
            Thread.sleep(1500);
            for (int i = 0; i < 2; i++) {
                Replica old = started.get(i);
                started.add(balancer.add(Replica.start(old.name() + "-new", settings)));
                old.terminate();
                assertThat(old.await(Duration.ofSeconds(40))).as(old.name() + " stopped").isNotEqualTo(-1);
            }
            Thread.sleep(1500);
            load.close();
            List<Load.Outcome> all = load.outcomes();
            System.out.printf("Rolling restart: %d requests, statuses %s%n", all.size(),
                    all.stream().collect(java.util.stream.Collectors.groupingBy(Load.Outcome::status, java.util.stream.Collectors.counting())));
            assertThat(all).hasSizeGreaterThan(100);
            assertThat(all).as("every request answered with success").allSatisfy(o ->
                    assertThat(o.status()).as(o.toString()).isIn(200, 201));
        } finally {
            started.forEach(Replica::close);
        }
    }

    /** Routes to the replicas whose readiness probe said UP at its last look (every 200 ms). */
    private static final class Balancer implements AutoCloseable {
        private final List<Replica> replicas = new CopyOnWriteArrayList<>();
        private final AtomicReference<List<Replica>> ready = new AtomicReference<>(List.of());
        private final ExecutorService prober = Executors.newSingleThreadExecutor();
        private volatile boolean running = true;

        Balancer() {
            prober.submit(() -> {
                while (running) {
                    ready.set(replicas.stream().filter(Replica::ready).toList());
                    Thread.sleep(200);
                }
                return null;
            });
        }

        Replica add(Replica replica) {
            replicas.add(replica);
            return replica;
        }

        Replica pick(int n) {
            List<Replica> now = ready.get();
            return now.isEmpty() ? null : now.get(Math.floorMod(n, now.size()));
        }

        @Override
        public void close() {
            running = false;
            prober.shutdownNow();
        }
    }

    /**
     * The scheduled jobs — expiring undecided requests, flagging overdue loans, erasing
     * registrants' data after the retention period, delivering webhooks — run on every replica,
     * and each piece of work is still done once; what one
     * replica onboards, the other trusts within seconds.
     */
    @Test
    void twoReplicasDoEachJobOnceAndTrustWhatTheOtherOnboarded() throws Exception {
        Onboarding.municipality("arnsberg");
        Onboarding.municipality("soest");
        String arnsberg = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-staff");
        String admin = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-admin");
        String soest = KeycloakTokens.person("stadtlabore-soest", "soest-staff");
        Map<String, String> jobsOften = unlimited(Map.of("stadtlabore.inventory.job-interval", "1s",
                "stadtlabore.inventory.decision-time", "2S", "stadtlabore.webhooks.enabled", "true",
                "stadtlabore.webhooks.poll-interval", "200MS", "stadtlabore.registration.retention", "PT1H",
                "stadtlabore.registration.retention-job-interval", "1s"));
        try (Receiver receiver = new Receiver();
                Replica one = Replica.launch("jobs-1", jobsOften);
                Replica two = Replica.launch("jobs-2", jobsOften)) {
            one.awaitReady(Duration.ofMinutes(2));
            two.awaitReady(Duration.ofMinutes(2));
            as(admin).contentType("application/json")
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("item.created")))
                    .when().post("/webhooks").then().statusCode(201);
            String item = Fixtures.createItem(arnsberg, "stadtlabor-arnsberg", Unique.name("JOB"), "camera", "network");
            OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.DAYS).withHour(9);
            // Requested on a replica that gives two seconds to decide.
            String request = one.given().header("Authorization", "Bearer " + soest).contentType("application/json")
                    .body(Fixtures.loan(item, "stadtlabor-soest", day, day.plusHours(4)))
                    .when().post("/reservations").then().statusCode(201).body("status", equalTo("requested"))
                    .extract().path("id");
            String loan = Fixtures.requestLoan(arnsberg, item, "stadtlabor-arnsberg", day.plusDays(1), day.plusDays(1).plusHours(4));
            try (Connection db = KeycloakAndDatabase.connect();
                    PreparedStatement late = db.prepareStatement("update reservation set status = 'handed-over', "
                            + "starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ?::uuid")) {
                late.setString(1, loan);
                assertThat(late.executeUpdate()).isEqualTo(1);
            }
            // A registration for an occurrence that ended two hours ago: past the retention period.
            LocalDateTime start = LocalDateTime.now().plusDays(23).truncatedTo(ChronoUnit.HOURS);
            String event = event(arnsberg, start, 10);
            String registration = one.given().contentType("application/json")
                    .body(Map.of("name", "Kim Beispiel", "email", "retention@example.org", "consent", true, "seats", 1))
                    .when().post("/events/" + event + "/occurrences/" + start + "/registrations").then().statusCode(201)
                    .extract().path("id");
            try (Connection db = KeycloakAndDatabase.connect();
                    PreparedStatement ended = db.prepareStatement(
                            "update registration set occurrence_ends_at = now() - interval '2 hours' where id = ?::uuid")) {
                ended.setString(1, registration);
                assertThat(ended.executeUpdate()).isEqualTo(1);
            }
            List<String> created = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Replica via = i % 2 == 0 ? one : two;
                created.add(via.given().header("Authorization", "Bearer " + arnsberg).contentType("application/json")
                        .body(Fixtures.item("stadtlabor-arnsberg", Unique.name("HOOK"), "camera", "network", false, "available"))
                        .when().post("/items").then().statusCode(201).extract().path("id"));
            }

            try (Connection db = KeycloakAndDatabase.connect()) {
                Awaitility.await("jobs done").atMost(Duration.ofSeconds(30)).until(() ->
                        count(db, "select count(*) from reservation where id = ?::uuid and status = 'expired'", request) == 1
                                && count(db, "select count(*) from reservation where id = ?::uuid and overdue", loan) == 1
                                && count(db, "select count(*) from registration where id = ?::uuid and erased_at is not null", registration) == 1
                                && created.stream().allMatch(id -> receiver.received().stream().anyMatch(r -> r.body().contains(id))));
                String erasedAt = erasedAt(db, registration);
                // Both replicas keep running their jobs for a few more rounds.
                Thread.sleep(4000);
                assertThat(erasedAt(db, registration)).as("erased once, by one replica").isEqualTo(erasedAt);
                assertThat(count(db, "select count(*) from registration where id = ?::uuid and name is null and email is null",
                        registration)).isEqualTo(1);
                assertThat(count(db, "select count(*) from audit_event where action = 'loan.expire' and target_id = ?", request))
                        .as("expired once: one entry for each of the two municipalities").isEqualTo(2);
                assertThat(count(db, "select count(*) from change_event where type = 'reservation.expired' and data ->> 'id' = ?", request))
                        .isEqualTo(1);
                assertThat(count(db, "select count(*) from audit_event where action = 'loan.overdue' and target_id = ?", loan))
                        .isEqualTo(1);
                assertThat(count(db, "select count(*) from change_event where type = 'reservation.overdue' and data ->> 'id' = ?", loan))
                        .isEqualTo(1);
            }
            for (String id : created) {
                List<Receiver.Received> deliveries = receiver.received().stream().filter(r -> r.body().contains(id)).toList();
                assertThat(deliveries).as("delivered once: " + id).hasSize(1);
            }

            // A municipality onboarded through one replica is trusted by the other within the
            // time the README documents (the provider cache TTL, 30 s), in practice within a few
            // seconds. Meanwhile: 401 while the other replica's directory still lacks the issuer
            // (it reloads on an unknown issuer at most every 2 s), then 503 with Retry-After while
            // the provider's keys are fetched; never 500.
            String menden = KeycloakTokens.person("stadtlabore-menden", "menden-admin");
            two.given().header("Authorization", "Bearer " + menden).when().get("/me").then().statusCode(401);
            one.given().header("Authorization", "Bearer " + KeycloakTokens.person("stadtlabore-netzwerk", "netzwerk-admin"))
                    .contentType("application/json")
                    .body(Fixtures.municipality("menden", KeycloakTokens.issuer("stadtlabore-menden"), "https://menden.example.org"))
                    .when().post("/municipalities").then().statusCode(201);
            long onboarded = System.nanoTime();
            Map<Long, Integer> statuses = new java.util.TreeMap<>();
            Awaitility.await("trusted by the other replica").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        long sent = Duration.ofNanos(System.nanoTime() - onboarded).toMillis();
                        int status = two.given().header("Authorization", "Bearer " + menden).when().get("/me").statusCode();
                        statuses.put(sent, status);
                        return status == 200;
                    });
            long seconds = Duration.ofNanos(System.nanoTime() - onboarded).toSeconds();
            assertThat(statuses.values()).as("never a server error").allMatch(s -> s == 200 || s == 503 || s == 401);
            assertThat(statuses.entrySet()).as("401 only until the directory's next reload (2 s)")
                    .allMatch(e -> e.getValue() != 401 || e.getKey() < 2500);
            assertThat(seconds).as("seconds until trusted").isLessThan(10);
        }
    }

    @Test
    void twoReplicasStartingTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
        try (Postgres db = Postgres.start()) {
            Map<String, String> empty = unlimited(Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl()));
            try (Replica one = Replica.launch("together-1", empty); Replica two = Replica.launch("together-2", empty)) {
                one.awaitReady(Duration.ofMinutes(2));
                two.awaitReady(Duration.ofMinutes(2));
                one.given().when().get("/labs").then().statusCode(200);
                two.given().when().get("/labs").then().statusCode(200);
            }
            try (Connection connection = db.connect()) {
                assertThat(count(connection, "select count(*) from flyway_schema_history where not success")).isZero();
                assertThat(count(connection, "select count(*) - count(distinct version) from flyway_schema_history"))
                        .as("each migration applied once").isZero();
                assertThat(count(connection, "select count(*) from flyway_schema_history where version = '17'")).isEqualTo(1);
                // The indexes built concurrently, outside a transaction, under Flyway's session lock: once.
                assertThat(count(connection, "select count(*) from flyway_schema_history where version = '20' and success"))
                        .isEqualTo(1);
                assertThat(count(connection, "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                        + " where c.relname = 'registration_email_idx' and i.indisvalid")).isEqualTo(1);
            }
        }
    }

    /**
     * An identity provider that accepts connections and never answers: its municipality's
     * tokens fail fast with a problem document while its keys are fetched (and time out), and
     * every other municipality is served as usual meanwhile.
     */
    @Test
    void aHangingIdentityProviderFailsItsMunicipalityFastAndNoOtherOne() throws Exception {
        Onboarding.municipality("arnsberg");
        String arnsberg = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-staff");
        try (ServerSocket hanging = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!hanging.isClosed()) {
                    try {
                        held.add(hanging.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String issuer = "http://127.0.0.1:" + hanging.getLocalPort() + "/realms/haengend";
            String slug = Unique.slug("haengend");
            ExecutorService background = Executors.newSingleThreadExecutor();
            // Onboarding fetches the provider's keys: that takes the fetch's deadline.
            var onboarding = background.submit(() -> as(KeycloakTokens.person("stadtlabore-netzwerk", "netzwerk-admin"))
                    .contentType("application/json").body(Fixtures.municipality(slug, issuer, "https://h.example.org"))
                    .when().post("/municipalities").then().statusCode(201));
            String token = forged(issuer);
            Awaitility.await("the provider is being contacted").atMost(Duration.ofSeconds(10)).until(() -> !held.isEmpty());
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                given().header("Authorization", "Bearer " + token).when().get("/labs").then().statusCode(503)
                        .contentType("application/problem+json").header("Retry-After", notNullValue());
                long hangingMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                started = System.nanoTime();
                as(arnsberg).when().get("/me").then().statusCode(200).body("municipality", equalTo("arnsberg"));
                long otherMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertThat(hangingMillis).as("its municipality fails fast").isLessThan(1500);
                assertThat(otherMillis).as("the others are unaffected").isLessThan(1500);
                Thread.sleep(500);
            }
            onboarding.get();
            background.shutdown();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static String forged(String issuer) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("k1");
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("stadtlabore-api");
        claims.setSubject("someone");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    /** A public single event of Arnsberg's lab (onboarded if need be) with registration; its id. */
    private static String arnsbergEvent(LocalDateTime start, int capacity) {
        Onboarding.municipality("arnsberg");
        return event(KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-staff"), start, capacity);
    }

    /** A public single event of Arnsberg's lab with registration; its id. */
    private static String event(String staff, LocalDateTime start, int capacity) {
        return as(staff).contentType("application/json").body("""
                {"leadLab": "stadtlabor-arnsberg", "title": "%s", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "stadtlabor-arnsberg"}, "visibility": "public",
                 "start": "%s", "end": "%s",
                 "registration": {"capacity": %d, "maxSeatsPerRegistration": 3}}
                """.formatted(Unique.name("Lasttest"), start, start.plusHours(2), capacity))
                .when().post("/events").then().statusCode(201).extract().path("id");
    }

    private static String erasedAt(Connection db, String registration) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("select erased_at::text from registration where id = ?::uuid")) {
            statement.setString(1, registration);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static String setting(Connection db, String name) throws SQLException {
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Set<String> ids(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter instanceof String[] array) {
                statement.setArray(1, db.createArrayOf("text", array));
            } else {
                statement.setObject(1, parameter);
            }
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static long count(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static final Path BINARIES_15 = Path.of("target", "postgres-15", "postgres-linux-x86_64.txz");

    /**
     * The README's backup and restore, done as an operator does it: {@code pg_dump} of the live
     * database while the service runs, {@code pg_restore} into a fresh database, and the service
     * started on the restored one has everything. PostgreSQL's client tools must match the
     * server's major version; this machine has those of PostgreSQL 15 (Debian's
     * postgresql-client), so the server here is a PostgreSQL 15 — the procedure is the same for 17.
     */
    @Test
    void aDumpRestoredIntoAFreshDatabaseRunsTheServiceWithEverythingInIt() throws Exception {
        Path pgDump = clientTool("pg_dump");
        Path pgRestore = clientTool("pg_restore");
        Path dump = Path.of("target", "backup-restore.dump").toAbsolutePath();
        String networkAdmin = KeycloakTokens.person("stadtlabore-netzwerk", "netzwerk-admin");
        try (Postgres db = Postgres.start(BINARIES_15)) {
            String labBefore;
            String etagBefore;
            String keySecret;
            String item;
            try (Replica live = Replica.start("backup-live", Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl()))) {
                live.given().header("Authorization", "Bearer " + networkAdmin).contentType("application/json")
                        .body(Fixtures.municipality("soest", KeycloakTokens.issuer("stadtlabore-soest"), "https://soest.example.org"))
                        .when().post("/municipalities").then().statusCode(201);
                live.given().header("Authorization", "Bearer " + networkAdmin).contentType("application/json")
                        .body(Fixtures.lab("stadtlabor-soest", "soest", "Vor der Sicherung"))
                        .when().post("/labs").then().statusCode(201);
                String staff = KeycloakTokens.person("stadtlabore-soest", "soest-staff");
                item = live.given().header("Authorization", "Bearer " + staff).contentType("application/json")
                        .body(Fixtures.item("stadtlabor-soest", "BACKUP-1", "camera", "network", true, "available"))
                        .when().post("/items").then().statusCode(201).extract().path("id");
                keySecret = live.given().header("Authorization", "Bearer " + KeycloakTokens.person("stadtlabore-soest", "soest-admin"))
                        .contentType("application/json")
                        .body(Map.of("name", "Sicherungstest", "scopes", List.of("inventory:read"),
                                "expiresAt", java.time.OffsetDateTime.now().plusDays(30).toString()))
                        .when().post("/api-keys").then().statusCode(201).extract().path("secret");
                var lab = live.given().when().get("/labs/stadtlabor-soest").then().statusCode(200).extract();
                labBefore = lab.asString();
                etagBefore = lab.header("ETag");

                // While the service runs: pg_dump reads one consistent snapshot.
                run(pgDump.toString(), "--format=custom", "--no-owner", "--host=127.0.0.1", "--port=" + db.port(),
                        "--username=postgres", "--dbname=postgres", "--file=" + dump);
            }
            try (Connection admin = db.connect()) {
                admin.createStatement().execute("create database restored");
            }
            run(pgRestore.toString(), "--no-owner", "--exit-on-error", "--host=127.0.0.1", "--port=" + db.port(),
                    "--username=postgres", "--dbname=restored", dump.toString());

            try (Replica restored = Replica.start("backup-restored", Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl("restored")))) {
                var lab = restored.given().when().get("/labs/stadtlabor-soest").then().statusCode(200).extract();
                assertThat(lab.asString()).isEqualTo(labBefore);
                assertThat(lab.header("ETag")).isEqualTo(etagBefore);
                restored.given().when().get("/items/" + item).then().statusCode(200).body("inventoryNumber", equalTo("BACKUP-1"));
                restored.given().header("X-API-Key", keySecret).when().get("/me").then().statusCode(200)
                        .body("municipality", equalTo("soest"));
                restored.given().header("Authorization", "Bearer " + KeycloakTokens.person("stadtlabore-soest", "soest-staff"))
                        .when().get("/me").then().statusCode(200).body("municipality", equalTo("soest"));
            }
            try (Connection connection = java.sql.DriverManager.getConnection(db.jdbcUrl("restored"), "postgres", "");
                    ResultSet rows = connection.createStatement().executeQuery(
                            "select count(*) from flyway_schema_history where not success")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** A PostgreSQL 15 client tool: Debian's postgresql-client-15, which .ci/run installs where it is missing. */
    private static Path clientTool(String name) throws IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/lib/postgresql/15/bin", name));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, name));
        }
        try (Stream<Path> found = candidates.stream().filter(Files::isExecutable)) {
            for (Path tool : found.toList()) {
                if (run(tool.toString(), "--version").contains(" 15.")) {
                    return tool;
                }
            }
        }
        throw new IllegalStateException(name + " of PostgreSQL 15 not found: apt-get install postgresql-client-15");
    }

    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
