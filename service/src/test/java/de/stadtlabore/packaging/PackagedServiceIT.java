package de.stadtlabore.packaging;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.KeycloakAndDatabase;
import de.stadtlabore.support.KeycloakTokens;
import de.stadtlabore.support.Onboarding;
import de.stadtlabore.support.Receiver;
import de.stadtlabore.support.Replica;
import de.stadtlabore.support.Repository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged production build (java -jar target/quarkus-app/quarkus-run.jar) against a real
 * Keycloak 26 with one realm per municipality and a database of its own. It embeds nothing and
 * starts without demo data: the network admin onboards the municipalities through the API, as
 * in a real deployment. Tokens come from Keycloak itself. Each test onboards what it needs
 * (once: the realms are Keycloak's), so that the tests do not depend on their order.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = KeycloakAndDatabase.class, restrictToAnnotatedClass = true)
class PackagedServiceIT {

    @Test
    void theProductionPackageHasNoDemoDataButItsOperationsEndpoints() {
        String management = "http://127.0.0.1:" + KeycloakAndDatabase.managementPort() + "/q/";
        // The demo data's municipalities, labs and events do not exist here.
        wrongRequest().when().get("/labs/freiraum-arnsberg").then().statusCode(404);
        wrongRequest().when().get("/municipalities/iserlohn").then().statusCode(404);
        wrongRequest().when().get("/events/5f000000-0000-4000-8000-000000000002").then().statusCode(404);
        given().when().get(management + "health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("Stadtlabore API"));
        given().when().get(management + "metrics").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void aNetworkAdminOnboardsAMunicipalityWithItsRealmAndItsLab() {
        String networkAdmin = KeycloakTokens.person("stadtlabore-netzwerk", "netzwerk-admin");
        as(networkAdmin).when().get("/me").then().statusCode(200).body("roles", contains("network-admin"));
        onboarded("soest");
        api().when().get("/municipalities/soest").then().statusCode(200).body("name", equalTo("Kommune soest"));
        api().when().get("/labs/stadtlabor-soest").then().statusCode(200).body("municipality.slug", equalTo("soest"));
    }

    @Test
    void arnsbergStaffChangeArnsbergsLabAndCannotTouchSoests() {
        onboarded("arnsberg");
        onboarded("soest");
        String arnsbergAdmin = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-admin");
        as(arnsbergAdmin).when().get("/me").then().statusCode(200)
                .body("municipality", equalTo("arnsberg"))
                .body("issuer", equalTo(KeycloakTokens.issuer("stadtlabore-arnsberg")))
                .body("roles", contains("lab-admin", "lab-staff"));

        as(arnsbergAdmin).header("If-Match", etag("stadtlabor-arnsberg")).contentType("application/json")
                .body(Fixtures.lab("stadtlabor-arnsberg", "arnsberg", "Von Arnsberg geändert"))
                .when().put("/labs/stadtlabor-arnsberg").then().statusCode(200);

        String soestNotes = api().when().get("/labs/stadtlabor-soest").then().extract().path("openingHours.notes");
        wrongRequest().header("Authorization", "Bearer " + arnsbergAdmin).header("If-Match", etag("stadtlabor-soest"))
                .contentType("application/json").body(Fixtures.lab("stadtlabor-soest", "soest", "Übergriff"))
                .when().put("/labs/stadtlabor-soest").then().statusCode(403);
        wrongRequest().header("Authorization", "Bearer " + arnsbergAdmin).header("If-Match", etag("stadtlabor-soest"))
                .contentType("application/json").body(Fixtures.lab("stadtlabor-soest", "arnsberg", "Übernahme"))
                .when().put("/labs/stadtlabor-soest").then().statusCode(403);
        api().when().get("/labs/stadtlabor-soest").then().body("openingHours.notes", equalTo(soestNotes));

        String arnsbergStaff = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-staff");
        wrongRequest().header("Authorization", "Bearer " + arnsbergStaff).header("If-Match", etag("stadtlabor-arnsberg"))
                .contentType("application/json").body(Fixtures.lab("stadtlabor-arnsberg", "arnsberg", "Team"))
                .when().put("/labs/stadtlabor-arnsberg").then().statusCode(403);
    }

    @Test
    void machinesAuthenticateWithClientCredentials() {
        onboarded("soest");
        as(KeycloakTokens.machine("stadtlabore-soest")).when().get("/me").then().statusCode(200)
                .body("municipality", equalTo("soest")).body("roles", contains("lab-staff"));
        // A realm no test onboards is not trusted.
        wrongRequest().header("Authorization", "Bearer " + KeycloakTokens.machine("stadtlabore-menden"))
                .when().get("/me").then().statusCode(401);
    }

    @Test
    void aFifthMunicipalityWithANewRealmIsAcceptedWithoutRestart() throws IOException {
        String realm = Files.readString(Repository.file("deploy/keycloak/demo/stadtlabore-arnsberg-realm.json"))
                .replace("arnsberg", "lippstadt").replace("Arnsberg", "Lippstadt");
        KeycloakTokens.createRealm(realm);
        String lippstadtAdmin = KeycloakTokens.person("stadtlabore-lippstadt", "lippstadt-admin");
        wrongRequest().header("Authorization", "Bearer " + lippstadtAdmin).when().get("/me").then().statusCode(401);

        as(KeycloakTokens.person("stadtlabore-netzwerk", "netzwerk-admin")).contentType("application/json")
                .body(Fixtures.municipality("lippstadt", KeycloakTokens.issuer("stadtlabore-lippstadt"),
                        "https://lippstadt.example.org"))
                .when().post("/municipalities").then().statusCode(201);

        as(lippstadtAdmin).when().get("/me").then().statusCode(200).body("municipality", equalTo("lippstadt"));
        as(lippstadtAdmin).when().get("/audit-events").then().statusCode(200)
                .body("items.target", hasItem("municipality:lippstadt"));
    }

    private static void onboarded(String municipality) {
        Onboarding.municipality(municipality);
    }

    private static String etag(String lab) {
        return api().when().get("/labs/" + lab).then().statusCode(200).extract().header("ETag");
    }

    /**
     * Two replicas behind one address do not double a caller's allowance: a second replica of
     * the same package against the same database shares the counts (issue 10, rate limits).
     */
    @Test
    void twoReplicasShareOneAllowance() throws Exception {
        try (Replica replica = Replica.start("replica-2", Map.of())) {
            var second = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>) () -> given()
                    .baseUri(replica.baseUri()).port(replica.port());
            for (int i = 1; i <= 6; i++) {
                var request = i % 2 == 0 ? second.get() : given();
                request.when().get("/events.ics").then().statusCode(200)
                        .header("RateLimit-Policy", "\"feed\";q=6;w=3600")
                        .header("RateLimit", org.hamcrest.Matchers.startsWith("\"feed\";r=" + (6 - i) + ";"));
            }
            given().when().get("/events.ics").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
            second.get().when().get("/events.ics").then().statusCode(429).contentType("application/problem+json");
        }
    }

    /**
     * A replica killed (SIGKILL) while it sends a webhook loses nothing: its transaction dies with
     * it, the delivery stays pending, and another replica sends it (the same message id). The
     * instance under test delivers no webhooks here; two replicas of it do.
     */
    @Test
    void aDeliveryOfAReplicaKilledMidwayIsSentByAnother() throws Exception {
        onboarded("arnsberg");
        String admin = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-admin");
        Map<String, String> delivering = Map.of("stadtlabore.webhooks.enabled", "true",
                "stadtlabore.webhooks.timeout", "60S");
        try (Receiver receiver = new Receiver().slow(n -> n == 1 ? java.time.Duration.ofSeconds(90) : java.time.Duration.ZERO);
                Replica first = Replica.start("webhooks-replica-1", delivering)) {
            String endpoint = as(admin).contentType("application/json")
                    .body(Map.of("url", receiver.url(), "eventTypes", java.util.List.of("item.created")))
                    .when().post("/webhooks").then().statusCode(201).extract().path("webhook.id");
            String item = as(admin).contentType("application/json")
                    .body(Fixtures.item("stadtlabor-arnsberg", "KILL-1", "camera", "network", false, "available"))
                    .when().post("/items").then().statusCode(201).extract().path("id");
            Receiver.Received inFlight = receiver.await(r -> r.body().contains(item), java.time.Duration.ofSeconds(30));
            assertThat(inFlight).as("the first replica sends").isNotNull();

            try (Replica second = Replica.start("webhooks-replica-2", delivering)) {
                first.kill();
                Receiver.Received again = receiver.await(r -> r != inFlight && r.body().contains(item),
                        java.time.Duration.ofSeconds(60));
                assertThat(again).as("the second replica sends it again").isNotNull();
                assertThat(again.header("webhook-id")).isEqualTo(inFlight.header("webhook-id"));
                org.awaitility.Awaitility.await("delivered").atMost(java.time.Duration.ofSeconds(30))
                        .until(() -> "delivered".equals(as(admin).when().get("/webhooks/" + endpoint + "/deliveries")
                                .then().extract().path("items[0].status")));
                as(admin).when().get("/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                        .body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].attempts", equalTo(1));
            }
        }
    }

    /**
     * Production logs are JSON lines an operator can search by request id; each line of a request
     * carries its operation, the kind of caller and the municipality, and no line carries a
     * registrant's name or address, a token, an API key or a cancel token (issue 13).
     */
    @Test
    void productionLogsAreJsonWithTheRequestContextAndNothingPersonal() throws Exception {
        onboarded("arnsberg");
        String admin = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-admin");
        String staff = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-staff");
        Fixtures.CreatedKey key = Fixtures.apiKeyResponse(admin, java.util.List.of("inventory:read"));
        java.time.LocalDateTime start = java.time.LocalDateTime.now().plusDays(12).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String event = as(staff).contentType("application/json").body("""
                {"leadLab": "stadtlabor-arnsberg", "title": "Protokolltest", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "stadtlabor-arnsberg"}, "visibility": "public",
                 "start": "%s", "end": "%s", "registration": {"capacity": 10, "maxSeatsPerRegistration": 2}}
                """.formatted(start, start.plusHours(2))).when().post("/events").then().statusCode(201).extract().path("id");
        String email = "log-probe-" + java.util.UUID.randomUUID() + "@example.org";
        String name = "Kim Protokollprobe";
        String requestId = "find-me-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (Replica replica = Replica.start("logs", Map.of("stadtlabore.rate-limit.feed", "1000"))) {
            var registered = replica.given().header("X-Request-Id", requestId).contentType("application/json")
                    .body(Map.of("name", name, "email", email, "consent", true, "seats", 1))
                    .when().post("/events/" + event + "/occurrences/" + start + "/registrations")
                    .then().statusCode(201).extract();
            String cancelToken = registered.path("cancelToken");
            replica.given().contentType("application/json")
                    .body(Map.of("name", name, "email", email, "consent", true, "seats", 1))
                    .when().post("/events/" + event + "/occurrences/" + start + "/registrations")
                    .then().statusCode(409);
            replica.given().queryParam("token", cancelToken).when().get("/registrations/" + registered.path("id"))
                    .then().statusCode(200);
            replica.given().header("X-API-Key", key.secret()).header("X-Request-Id", requestId + "-key")
                    .when().get("/me").then().statusCode(200);
            replica.given().header("Authorization", "Bearer " + staff).header("X-Request-Id", requestId + "-token")
                    .when().get("/me").then().statusCode(200);
            replica.given().header("X-API-Key", key.secret() + "x").when().get("/me").then().statusCode(401);
            replica.given().contentType("application/json").body("{\"email\": \"" + email + "\"")
                    .when().post("/events/" + event + "/occurrences/" + start + "/registrations").then().statusCode(400);
            replica.given().when().get("/nowhere/" + email).then().statusCode(404);
            org.awaitility.Awaitility.await("access log written").atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> replica.output().contains(requestId + "-token"));
            String output = replica.output();

            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            java.util.List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line)); // every line is one JSON object
                }
            }
            assertThat(lines).hasSizeGreaterThan(10);
            var registration = lines.stream().filter(l -> requestId.equals(l.path("mdc").path("requestId").asText())).toList();
            assertThat(registration).isNotEmpty().anySatisfy(l -> {
                assertThat(l.path("loggerName").asText()).isEqualTo("de.stadtlabore.access-log");
                assertThat(l.path("mdc").path("operation").asText())
                        .isEqualTo("POST /events/{id}/occurrences/{occurrence}/registrations");
                assertThat(l.path("mdc").path("callerKind").asText()).isEqualTo("anonymous");
                assertThat(l.path("mdc").path("status").asText()).isEqualTo("201");
            });
            assertThat(lines).anySatisfy(l -> {
                assertThat(l.path("mdc").path("requestId").asText()).isEqualTo(requestId + "-key");
                assertThat(l.path("mdc").path("callerKind").asText()).isEqualTo("api-key");
                assertThat(l.path("mdc").path("municipality").asText()).isEqualTo("arnsberg");
                assertThat(l.path("mdc").path("operation").asText()).isEqualTo("GET /me");
            });
            assertThat(lines).anySatisfy(l -> {
                assertThat(l.path("mdc").path("requestId").asText()).isEqualTo(requestId + "-token");
                assertThat(l.path("mdc").path("callerKind").asText()).isEqualTo("oidc");
                assertThat(l.path("mdc").path("municipality").asText()).isEqualTo("arnsberg");
            });
            assertThat(output).doesNotContain(email).doesNotContain(name).doesNotContain("Protokollprobe")
                    .doesNotContain(key.secret()).doesNotContain(cancelToken).doesNotContain(staff)
                    .doesNotContain(staff.substring(staff.lastIndexOf('.') + 1))
                    .as("no OTLP endpoint configured: tracing is off, nothing tries to export")
                    .doesNotContain("export");
        }
    }

    /**
     * With an OTLP endpoint configured, traces of HTTP requests, their SQL statements and webhook
     * deliveries arrive there (OTLP over HTTP, protobuf). Without one, tracing is off (the log
     * test above finds no attempt to export).
     */
    @Test
    void tracesGoToTheConfiguredOtlpEndpointOnly() throws Exception {
        onboarded("arnsberg");
        String admin = KeycloakTokens.person("stadtlabore-arnsberg", "arnsberg-admin");
        try (Receiver collector = new Receiver(); Receiver hooks = new Receiver();
                Replica traced = Replica.start("traced", Map.of(
                        "quarkus.otel.exporter.otlp.traces.endpoint", collector.url(),
                        "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                        "quarkus.otel.bsp.schedule.delay", "200MS",
                        "stadtlabore.webhooks.enabled", "true"))) {
            traced.given().header("Authorization", "Bearer " + admin).contentType("application/json")
                    .body(Map.of("url", hooks.url(), "eventTypes", java.util.List.of("item.created")))
                    .when().post("/webhooks").then().statusCode(201);
            traced.given().header("Authorization", "Bearer " + admin).contentType("application/json")
                    .body(Fixtures.item("stadtlabor-arnsberg", "TRACE-" + System.nanoTime(), "camera", "network", false, "available"))
                    .when().post("/items").then().statusCode(201);
            traced.given().when().get("/labs").then().statusCode(200);
            org.awaitility.Awaitility.await("spans exported").atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                String all = collector.received().stream().map(Receiver.Received::body).reduce("", String::concat);
                return all.contains("GET /labs") && all.contains("POST /items") && all.contains("webhook delivery")
                        && all.contains("SELECT") && all.contains("stadtlabore-api");
            });
            assertThat(collector.received()).allSatisfy(r ->
                    assertThat(r.header("content-type")).isEqualTo("application/x-protobuf"));
        }
    }
}
