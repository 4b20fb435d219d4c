package de.stadtlabore.access;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every protected operation against every kind of caller. The matrix is data: a capability adds
 * its operations as rows of {@link #OPERATIONS}; the callers and the expectations follow.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    /** Kinds of callers. The "owner" municipality of every row's object is Arnsberg; "other" is Soest. */
    enum Who {
        ANONYMOUS, OWNER_STAFF, OWNER_ADMIN, OWNER_MACHINE, OWNER_PRIVACY_OFFICER, OTHER_STAFF, OTHER_ADMIN, NETWORK_ADMIN,
        KEY_WITH_SCOPE, KEY_WITHOUT_SCOPE, REVOKED_KEY, EXPIRED_TOKEN, WRONG_AUDIENCE, UNKNOWN_ISSUER,
        UNSIGNED_TOKEN, FOREIGN_SIGNATURE, MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN;

        boolean authenticates() {
            return !EnumSet.of(ANONYMOUS, REVOKED_KEY, EXPIRED_TOKEN, WRONG_AUDIENCE, UNKNOWN_ISSUER, UNSIGNED_TOKEN,
                    FOREIGN_SIGNATURE).contains(this);
        }
    }

    /**
     * One protected operation.
     *
     * @param scope   the scope an API key of the owner needs (the "with scope" key has it)
     * @param allowed who succeeds; every other authenticated caller gets {@code denied}
     * @param denied  the status for authenticated callers who may not (403, or 404 where the
     *                object is invisible to them), with exceptions per caller
     */
    record Operation(String name, String method, Function<Integer, String> path, Function<Integer, String> body,
            String etagOf, String scope, Set<Who> allowed, int success, Map<Who, Integer> denied) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final String LAB = Unique.slug("matrix-lab");
    static final String KOMMUNE = Unique.slug("matrix-kommune");
    static final String ITEM_NUMBER = Unique.name("TEST-M-ITEM");
    static final Set<Who> EVERYONE_AUTHENTICATED = EnumSet.of(Who.OWNER_STAFF, Who.OWNER_ADMIN, Who.OWNER_MACHINE,
            Who.OWNER_PRIVACY_OFFICER,
            Who.OTHER_STAFF, Who.OTHER_ADMIN, Who.NETWORK_ADMIN, Who.KEY_WITH_SCOPE, Who.KEY_WITHOUT_SCOPE,
            Who.MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN);

    static final Set<Who> OWNER_STAFF_AND_KEYS = EnumSet.of(Who.OWNER_STAFF, Who.OWNER_ADMIN, Who.OWNER_MACHINE,
            Who.KEY_WITH_SCOPE, Who.MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN);
    static final java.time.OffsetDateTime LOAN_DAY = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusDays(100);
    /** An item of Arnsberg and one of Soest, both shared with the network; created once. */
    static String matrixItem;
    static String soestItem;
    /** A project of Arnsberg; created once. */
    static String matrixProject;
    /** A proposal of Soest, open for pledges; created once. */
    static String soestProposal;
    /** A public event of Arnsberg with registration, and a weekly series (Mondays 10:00). */
    static String matrixEvent;
    static String matrixSeries;

    static final List<Operation> OPERATIONS = List.of(
            new Operation("create lab", "POST", n -> "/labs",
                    n -> Fixtures.lab("matrix-new-" + n, "arnsberg", "neu"), null, "labs:write",
                    EnumSet.of(Who.NETWORK_ADMIN), 201, Map.of()),
            new Operation("update lab", "PUT", n -> "/labs/" + LAB,
                    n -> Fixtures.lab(LAB, "arnsberg", "Änderung " + n), "/labs/" + LAB, "labs:write",
                    EnumSet.of(Who.OWNER_ADMIN, Who.NETWORK_ADMIN, Who.KEY_WITH_SCOPE), 200, Map.of()),
            new Operation("move lab to another municipality", "PUT", n -> "/labs/" + LAB,
                    n -> Fixtures.lab(LAB, "soest", "Umzug " + n), "/labs/" + LAB, "labs:write",
                    EnumSet.of(Who.NETWORK_ADMIN), 200, Map.of()),
            new Operation("onboard municipality", "POST", n -> "/municipalities",
                    n -> Fixtures.municipality("matrix-new-" + n, "https://login.example.org/realms/matrix-" + n,
                            "https://matrix.example.org"), null, "labs:write",
                    EnumSet.of(Who.NETWORK_ADMIN), 201, Map.of()),
            new Operation("update municipality", "PUT", n -> "/municipalities/" + KOMMUNE,
                    n -> Fixtures.municipality(KOMMUNE, "https://login.example.org/realms/" + KOMMUNE,
                            "https://matrix.example.org/" + n), "/municipalities/" + KOMMUNE, "labs:write",
                    EnumSet.of(Who.NETWORK_ADMIN), 200, Map.of()),
            new Operation("read identity providers", "GET", n -> "/municipalities/arnsberg/identity-providers",
                    n -> null, null, "labs:write", EnumSet.of(Who.OWNER_ADMIN, Who.NETWORK_ADMIN), 200, Map.of()),
            new Operation("create API key", "POST", n -> "/api-keys",
                    n -> "{\"name\": \"Matrix " + n + "\", \"scopes\": [\"labs:read\"], \"expiresAt\": \""
                            + Instant.now().plusSeconds(86_400) + "\"}", null, "labs:write",
                    EnumSet.of(Who.OWNER_ADMIN, Who.OTHER_ADMIN), 201, Map.of()),
            new Operation("list API keys", "GET", n -> "/api-keys", n -> null, null, "labs:write",
                    EnumSet.of(Who.OWNER_ADMIN, Who.OTHER_ADMIN), 200, Map.of()),
            new Operation("revoke API key", "DELETE", n -> "/api-keys/" + freshOwnerKey(), n -> null, null,
                    "labs:write", EnumSet.of(Who.OWNER_ADMIN), 200, Map.of(Who.OTHER_ADMIN, 404)),
            new Operation("read audit log", "GET", n -> "/audit-events", n -> null, null, "audit:read",
                    EnumSet.of(Who.OWNER_ADMIN, Who.OTHER_ADMIN, Who.NETWORK_ADMIN, Who.KEY_WITH_SCOPE,
                            Who.OWNER_PRIVACY_OFFICER), 200, Map.of()),
            new Operation("read the team directory", "GET", n -> "/municipalities/arnsberg/staff", n -> null, null,
                    "projects:write", EnumSet.of(Who.OWNER_STAFF, Who.OWNER_ADMIN, Who.OWNER_MACHINE,
                            Who.MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN), 200, Map.of()),
            new Operation("remove a person who left from the team directory", "DELETE",
                    n -> "/municipalities/arnsberg/staff/" + freshStaffMember(n), n -> null, null, "projects:write",
                    EnumSet.of(Who.OWNER_ADMIN), 204, Map.of()),
            new Operation("export an address's registrations as data protection officer", "POST",
                    n -> "/municipalities/arnsberg/privacy/exports", n -> "{\"email\": \"matrix-" + n + "@example.org\"}",
                    null, "events:write", EnumSet.of(Who.OWNER_PRIVACY_OFFICER), 200, Map.of()),
            new Operation("erase an address as data protection officer", "POST",
                    n -> "/municipalities/arnsberg/privacy/erasures", n -> "{\"email\": \"matrix-" + n + "@example.org\"}",
                    null, "events:write", EnumSet.of(Who.OWNER_PRIVACY_OFFICER), 200, Map.of()),
            new Operation("who am I", "GET", n -> "/me", n -> null, null, "labs:read", EVERYONE_AUTHENTICATED, 200,
                    Map.of()),
            new Operation("add item", "POST", n -> "/items",
                    n -> Fixtures.item("freiraum-arnsberg", "TEST-M-" + n, "camera", "network", false, "available"),
                    null, "inventory:write", OWNER_STAFF_AND_KEYS, 201, Map.of()),
            new Operation("update item", "PUT", n -> "/items/" + matrixItem,
                    n -> Fixtures.item("freiraum-arnsberg", ITEM_NUMBER, "camera", "network", false, "available"),
                    "/items/{item}", "inventory:write", OWNER_STAFF_AND_KEYS, 200,
                    Map.of(Who.KEY_WITHOUT_SCOPE, 404)),
            new Operation("borrow for an own lab", "POST", n -> "/reservations",
                    n -> Fixtures.loan(soestItem, "freiraum-arnsberg", LOAN_DAY.plusDays(n), LOAN_DAY.plusDays(n).plusHours(2)),
                    null, "inventory:write", OWNER_STAFF_AND_KEYS, 201, Map.of(Who.KEY_WITHOUT_SCOPE, 404)),
            new Operation("approve a request for an own item", "POST",
                    n -> "/reservations/" + Fixtures.requestLoan(Tokens.staff("soest"), matrixItem, "stadtlabor-soest",
                            LOAN_DAY.plusDays(n), LOAN_DAY.plusDays(n).plusHours(2)) + "/approve",
                    n -> null, null, "inventory:write", OWNER_STAFF_AND_KEYS, 200,
                    Map.of(Who.KEY_WITHOUT_SCOPE, 404, Who.NETWORK_ADMIN, 403, Who.OWNER_PRIVACY_OFFICER, 404)),
            new Operation("create event", "POST", n -> "/events",
                    n -> """
                            {"leadLab": "freiraum-arnsberg", "title": "Test Matrix %d", "category": "workshop",
                             "format": "online", "onlineUrl": "https://meet.example.org/m", "visibility": "public",
                             "start": "2027-09-01T10:00:00", "end": "2027-09-01T11:00:00"}
                            """.formatted(n), null, "events:write", OWNER_STAFF_AND_KEYS, 201, Map.of()),
            new Operation("list registrations of an occurrence", "GET",
                    n -> "/events/" + matrixEvent + "/occurrences/2027-09-01T10:00:00/registrations", n -> null, null,
                    "events:write", OWNER_STAFF_AND_KEYS, 200, Map.of()),
            new Operation("cancel an occurrence", "PUT",
                    n -> "/events/" + matrixSeries + "/occurrences/" + java.time.LocalDate.of(2027, 1, 4).plusWeeks(n)
                            + "T10:00:00",
                    n -> "{\"cancelled\": true}", null, "events:write", OWNER_STAFF_AND_KEYS, 200, Map.of()),
            new Operation("propose a purchase", "POST", n -> "/purchases",
                    n -> """
                            {"lab": "freiraum-arnsberg", "title": "Test Matrix Kauf %d", "category": "tablet", "quantity": 1,
                             "estimatedCost": {"amount": 300, "currency": "EUR"}, "justification": "Test",
                             "decisionDeadline": "2030-01-01"}
                            """.formatted(n), null, "purchases:write", OWNER_STAFF_AND_KEYS, 201, Map.of()),
            new Operation("pledge for an own lab", "POST", n -> "/purchases/" + soestProposal + "/pledges",
                    n -> "{\"lab\": \"freiraum-arnsberg\", \"kind\": \"interest\", \"comment\": \"" + n + "\"}",
                    null, "purchases:write", OWNER_STAFF_AND_KEYS, 200, Map.of(Who.KEY_WITHOUT_SCOPE, 403)),
            new Operation("start a project", "POST", n -> "/projects",
                    n -> "{\"leadLab\": \"freiraum-arnsberg\", \"title\": \"Test Matrix Projekt " + n
                            + "\", \"visibility\": \"public\"}", null, "projects:write", OWNER_STAFF_AND_KEYS, 201,
                    Map.of()),
            new Operation("add a task to a project", "POST", n -> "/projects/" + matrixProject + "/tasks",
                    n -> "{\"lab\": \"freiraum-arnsberg\", \"title\": \"Aufgabe " + n + "\"}", null,
                    "projects:write", OWNER_STAFF_AND_KEYS, 201, Map.of()),
            new Operation("delete a task of a project", "DELETE",
                    n -> "/projects/" + matrixProject + "/tasks/" + freshTask(n), n -> null, null, "projects:write",
                    OWNER_STAFF_AND_KEYS, 204, Map.of()),
            new Operation("delete a milestone of a project", "DELETE",
                    n -> "/projects/" + matrixProject + "/milestones/" + freshMilestone(n), n -> null, null,
                    "projects:write", OWNER_STAFF_AND_KEYS, 204, Map.of()),
            new Operation("read the lending report", "GET", n -> "/reports/lending", n -> null, null, "inventory:read",
                    EnumSet.of(Who.OWNER_STAFF, Who.OWNER_ADMIN, Who.OWNER_MACHINE, Who.OWNER_PRIVACY_OFFICER, Who.OTHER_STAFF, Who.OTHER_ADMIN,
                            Who.NETWORK_ADMIN, Who.KEY_WITH_SCOPE, Who.MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN),
                    200, Map.of()),
            new Operation("read the events report", "GET", n -> "/reports/events", n -> null, null, "events:read",
                    EnumSet.of(Who.OWNER_STAFF, Who.OWNER_ADMIN, Who.OWNER_MACHINE, Who.OWNER_PRIVACY_OFFICER, Who.OTHER_STAFF, Who.OTHER_ADMIN,
                            Who.NETWORK_ADMIN, Who.KEY_WITH_SCOPE, Who.MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN),
                    200, Map.of()),
            new Operation("register webhook", "POST", n -> "/webhooks",
                    n -> "{\"url\": \"http://127.0.0.1:9/matrix-" + n + "\", \"eventTypes\": [\"event.published\"]}",
                    null, "webhooks:write", EnumSet.of(Who.OWNER_ADMIN, Who.OTHER_ADMIN, Who.KEY_WITH_SCOPE), 201, Map.of()),
            new Operation("list webhooks", "GET", n -> "/webhooks", n -> null, null, "webhooks:write",
                    EnumSet.of(Who.OWNER_ADMIN, Who.OTHER_ADMIN, Who.KEY_WITH_SCOPE), 200, Map.of()),
            new Operation("read a webhook's delivery log", "GET", n -> "/webhooks/" + freshOwnerWebhook() + "/deliveries",
                    n -> null, null, "webhooks:write", EnumSet.of(Who.OWNER_ADMIN, Who.KEY_WITH_SCOPE), 200,
                    Map.of(Who.OTHER_ADMIN, 404)),
            new Operation("remove webhook", "DELETE", n -> "/webhooks/" + freshOwnerWebhook(), n -> null, null,
                    "webhooks:write", EnumSet.of(Who.OWNER_ADMIN, Who.KEY_WITH_SCOPE), 204, Map.of(Who.OTHER_ADMIN, 404)),
            new Operation("list loans", "GET", n -> "/reservations", n -> null, null, "inventory:read",
                    EnumSet.of(Who.OWNER_STAFF, Who.OWNER_ADMIN, Who.OWNER_MACHINE, Who.OTHER_STAFF, Who.OTHER_ADMIN,
                            Who.NETWORK_ADMIN, Who.KEY_WITH_SCOPE, Who.MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN),
                    200, Map.of()));


    private static final AtomicInteger COUNTER = new AtomicInteger();

    String revokedKey;

    /** Once, before the first case (RestAssured knows the port only per test). */
    @BeforeEach
    void createObjectsAndKeys() {
        if (revokedKey != null) {
            return;
        }
        api().header("Authorization", "Bearer " + Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.lab(LAB, "arnsberg", "Start")).when().post("/labs").then().statusCode(201);
        api().header("Authorization", "Bearer " + Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.municipality(KOMMUNE, "https://login.example.org/realms/" + KOMMUNE,
                        "https://matrix.example.org"))
                .when().post("/municipalities").then().statusCode(201);
        Fixtures.CreatedKey revoked = Fixtures.apiKeyResponse(Tokens.admin("arnsberg"),
                List.of("labs:read", "labs:write", "audit:read"));
        api().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).when().delete("/api-keys/" + revoked.id())
                .then().statusCode(200);
        revokedKey = revoked.secret();
        Tokens.createRealm(Fixtures.realm("stadtlabore-unbekannt", "unbekannt"));
        matrixItem = Fixtures.createItem(Tokens.staff("arnsberg"), "freiraum-arnsberg", ITEM_NUMBER, "camera", "network");
        soestItem = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-M-SOEST"), "camera",
                "network");
        matrixEvent = createEvent("\"registration\": {\"capacity\": 5}");
        matrixSeries = createEvent("\"recurrence\": {\"rule\": \"FREQ=WEEKLY;BYDAY=MO\"}");
        matrixProject = api().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"leadLab\": \"freiraum-arnsberg\", \"title\": \"Test Matrix Basis\", \"visibility\": \"public\"}")
                .when().post("/projects").then().statusCode(201).extract().path("id");
        soestProposal = api().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body("""
                        {"lab": "stadtlabor-soest", "title": "Test Matrix Vorschlag", "category": "tablet", "quantity": 2,
                         "estimatedCost": {"amount": 600, "currency": "EUR"}, "justification": "Test",
                         "decisionDeadline": "2030-01-01"}
                        """).when().post("/purchases").then().statusCode(201).extract().path("id");
    }

    static Stream<Arguments> cases() {
        return OPERATIONS.stream().flatMap(op -> Stream.of(Who.values()).map(who -> Arguments.of(op, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void onlyTheAllowedSucceed(Operation op, Who who) {
        int n = COUNTER.incrementAndGet();
        // Move the lab back home before each case, so that every caller meets the same situation.
        resetLab();
        boolean allowed = op.allowed().contains(who);
        RequestSpecification request = credentials(allowed ? api() : wrongRequest(), who, op)
                // Each case comes from its own (documentation-range) address, so that the failed
                // key attempts of some cases do not throttle the others.
                .header("X-Forwarded-For", "198.51.100." + (n % 250));
        if (op.etagOf() != null) {
            request.header("If-Match", api().header("Authorization", "Bearer " + Tokens.staff("arnsberg"))
                    .when().get(op.etagOf().replace("{item}", matrixItem)).then().statusCode(200).extract().header("ETag"));
        }
        String body = op.body().apply(n);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        int status = request.when().request(op.method(), op.path().apply(n)).then().extract().statusCode();

        int expected = allowed ? op.success()
                : !who.authenticates() ? 401
                        : op.denied().getOrDefault(who, 403);
        assertThat(status).as("%s as %s", op, who).isEqualTo(expected);
    }

    private void resetLab() {
        String etag = api().when().get("/labs/" + LAB).then().extract().header("ETag");
        String home = api().when().get("/labs/" + LAB).then().extract().path("municipality.slug");
        if (!"arnsberg".equals(home)) {
            api().header("Authorization", "Bearer " + Tokens.networkAdmin()).header("If-Match", etag)
                    .contentType("application/json").body(Fixtures.lab(LAB, "arnsberg", "zurück"))
                    .when().put("/labs/" + LAB).then().statusCode(200);
        }
    }

    private RequestSpecification credentials(RequestSpecification request, Who who, Operation op) {
        long now = Instant.now().getEpochSecond();
        return switch (who) {
            case ANONYMOUS -> request;
            case OWNER_STAFF -> bearer(request, Tokens.staff("arnsberg"));
            case OWNER_ADMIN -> bearer(request, Tokens.admin("arnsberg"));
            case OWNER_MACHINE -> bearer(request, Tokens.machine("arnsberg"));
            case OWNER_PRIVACY_OFFICER -> bearer(request, Tokens.privacyOfficer("arnsberg"));
            case OTHER_STAFF -> bearer(request, Tokens.staff("soest"));
            case OTHER_ADMIN -> bearer(request, Tokens.admin("soest"));
            case NETWORK_ADMIN -> bearer(request, Tokens.networkAdmin());
            case KEY_WITH_SCOPE -> request.header("X-API-Key", ownerKey(op.scope()));
            case KEY_WITHOUT_SCOPE -> request.header("X-API-Key", ownerKey(op.scope().startsWith("labs:") ? "audit:read" : "labs:read"));
            case REVOKED_KEY -> request.header("X-API-Key", revokedKey);
            case EXPIRED_TOKEN -> bearer(request, Tokens.mint("stadtlabore-arnsberg", "arnsberg-admin",
                    Map.of("exp", now - 120, "iat", now - 1000), "realm"));
            case WRONG_AUDIENCE -> bearer(request, Tokens.mint("stadtlabore-arnsberg", "arnsberg-admin",
                    Map.of("aud", "some-other-api"), "realm"));
            case UNKNOWN_ISSUER -> bearer(request, Tokens.password("stadtlabore-unbekannt", "unbekannt-admin"));
            case UNSIGNED_TOKEN -> bearer(request, Tokens.mint("stadtlabore-arnsberg", "arnsberg-admin", Map.of(), "none"));
            case FOREIGN_SIGNATURE -> bearer(request, Tokens.mint("stadtlabore-arnsberg", "arnsberg-admin", Map.of(),
                    "foreign"));
            case MUNICIPAL_TOKEN_CLAIMING_NETWORK_ADMIN -> bearer(request, Tokens.mint("stadtlabore-arnsberg",
                    "arnsberg-staff", Map.of("realm_access", Map.of("roles", List.of("network-admin", "lab-staff"))),
                    "realm"));
        };
    }

    private static String createEvent(String extra) {
        String start = extra.contains("recurrence") ? "2027-01-04T10:00:00" : "2027-09-01T10:00:00";
        String end = extra.contains("recurrence") ? "2027-01-04T11:00:00" : "2027-09-01T11:00:00";
        return api().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("""
                        {"leadLab": "freiraum-arnsberg", "title": "Test Matrix Termin", "category": "workshop",
                         "format": "online", "onlineUrl": "https://meet.example.org/m", "visibility": "public",
                         "start": "%s", "end": "%s", %s}
                        """.formatted(start, end, extra))
                .when().post("/events").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification bearer(RequestSpecification request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static final Map<String, String> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String ownerKey(String scope) {
        return KEYS.computeIfAbsent(scope, s -> Fixtures.apiKey(Tokens.admin("arnsberg"), List.of(s)));
    }

    private static String freshTask(int n) {
        return api().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"title\": \"Wegwerfaufgabe " + n + "\"}")
                .when().post("/projects/" + matrixProject + "/tasks").then().statusCode(201).extract().path("id");
    }

    private static String freshMilestone(int n) {
        return api().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"title\": \"Wegwerfmeilenstein " + n + "\", \"dueOn\": \"2027-05-01\"}")
                .when().post("/projects/" + matrixProject + "/milestones").then().statusCode(201).extract().path("id");
    }

    private static String freshOwnerWebhook() {
        return api().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:9/matrix\", \"eventTypes\": [\"event.published\"], \"enabled\": false}")
                .when().post("/webhooks").then().statusCode(201).extract().path("webhook.id");
    }

    /** A person of Arnsberg who worked on a project once, so that the team directory knows them. */
    private static String freshStaffMember(int n) {
        String name = "Matrix Person " + n + " " + java.util.UUID.randomUUID();
        String token = Tokens.mint("stadtlabore-arnsberg", "arnsberg-staff",
                Map.of("sub", "matrix-person-" + java.util.UUID.randomUUID(), "name", name), "realm");
        api().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"leadLab\": \"freiraum-arnsberg\", \"title\": \"Test Matrix Person " + n
                        + "\", \"visibility\": \"network\"}")
                .when().post("/projects").then().statusCode(201);
        return api().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).when()
                .get("/municipalities/arnsberg/staff").then().statusCode(200).extract()
                .path("items.find { it.name == '" + name + "' }.id");
    }

    private static String freshOwnerKey() {
        return Fixtures.apiKeyResponse(Tokens.admin("arnsberg"), List.of("labs:read")).id();
    }
}
