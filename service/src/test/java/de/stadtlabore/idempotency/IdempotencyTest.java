package de.stadtlabore.idempotency;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import de.stadtlabore.support.Contract;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;

/**
 * Safe retries: a {@code POST} with an {@code Idempotency-Key} does its work once, however often
 * and however concurrently it is sent, and every retry gets the first response.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyService idempotency;

    @Test
    void aRetriedLoanRequestGetsTheFirstResponseAndBooksOnce() throws Exception {
        String item = item();
        String key = UUID.randomUUID().toString();
        String body = Fixtures.loan(item, "zukunftswerkstadt-menden", start(41), start(41).plusHours(5));

        ExtractableResponse<Response> first = loan(key, body).then().statusCode(201).extract();
        assertThat(first.header(IdempotencyReplay.HEADER)).isNull();
        ExtractableResponse<Response> retry = loan(key, body).then().statusCode(201)
                .header(IdempotencyReplay.HEADER, "true").extract();

        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(reservationsOf(item)).isEqualTo(1);

        // The same content written differently is the same request.
        String reordered = """
                {"purpose": "Workshop", "endsAt": "%s", "startsAt": "%s",
                   "borrowerLab": "zukunftswerkstadt-menden", "item": "%s"}
                """.formatted(Fixtures.rfc3339(start(41).plusHours(5)), Fixtures.rfc3339(start(41)), item);
        loan(key, reordered).then().statusCode(201).header(IdempotencyReplay.HEADER, "true")
                .body("id", equalTo(first.path("id")));
        assertThat(reservationsOf(item)).isEqualTo(1);
    }

    @Test
    void theSameKeyForADifferentRequestIs422AndChangesNothing() throws Exception {
        String item = item();
        String key = UUID.randomUUID().toString();
        loan(key, Fixtures.loan(item, "zukunftswerkstadt-menden", start(43), start(43).plusHours(2)))
                .then().statusCode(201);

        loan(key, Fixtures.loan(item, "zukunftswerkstadt-menden", start(44), start(44).plusHours(2)))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:idempotency-key-reused"));
        as(Tokens.staff("menden")).header(KEY, key).contentType("application/json")
                .body(Fixtures.item("zukunftswerkstadt-menden", Unique.name("TEST-IDEM"), "camera", "network", false,
                        "available"))
                .when().post("/items").then().statusCode(422);
        assertThat(reservationsOf(item)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = "shared-" + UUID.randomUUID();
        String mine = item();
        String theirs = item();
        loan(key, Fixtures.loan(mine, "zukunftswerkstadt-menden", start(45), start(45).plusHours(2)))
                .then().statusCode(201);
        // Another caller with the same key: a request of its own, neither a replay nor a reuse.
        as(Tokens.staff("iserlohn")).header(KEY, key).contentType("application/json")
                .body(Fixtures.loan(theirs, "waldstadtlabor-iserlohn", start(45), start(45).plusHours(2)))
                .when().post("/reservations").then().statusCode(201).header(IdempotencyReplay.HEADER, (String) null);
        assertThat(reservationsOf(mine)).isEqualTo(1);
        assertThat(reservationsOf(theirs)).isEqualTo(1);
    }

    @Test
    void twentyParallelIdenticalLoanRequestsBookExactlyOnce() throws Exception {
        String item = item();
        String key = UUID.randomUUID().toString();
        String body = Fixtures.loan(item, "zukunftswerkstadt-menden", start(47), start(47).plusHours(3));
        Tokens.staff("menden");

        List<ExtractableResponse<Response>> answers = Race.run(20, n -> loan(key, body).then().extract());

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201, 409).contains(201);
        assertThat(answers.stream().filter(a -> a.statusCode() == 201).map(a -> a.<String>path("id")).distinct())
                .hasSize(1);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409).map(a -> a.<String>path("type")))
                .allMatch("urn:stadtlabore:problem:request-in-progress"::equals);
        assertThat(reservationsOf(item)).isEqualTo(1);
        loan(key, body).then().statusCode(201).header(IdempotencyReplay.HEADER, "true");
    }

    @Test
    void twentyParallelIdenticalRegistrationsRegisterExactlyOnce() throws Exception {
        String event = event();
        String path = "/events/" + event + "/occurrences/" + START + "/registrations";
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Erika Muster", "email", "idem-" + key + "@example.org", "consent",
                true, "seats", 2);

        List<ExtractableResponse<Response>> answers = Race.run(20, n -> api().header(KEY, key)
                .contentType("application/json").body(body).when().post(path).then().extract());

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201, 409).contains(201);
        assertThat(count("select count(*) from registration where event_id = '" + event + "'")).isEqualTo(1);
        ExtractableResponse<Response> retry = api().header(KEY, key).contentType("application/json").body(body)
                .when().post(path).then().statusCode(201).header(IdempotencyReplay.HEADER, "true").extract();
        assertThat(retry.<String>path("cancelToken")).isNotBlank();
        assertThat(count("select sum(seats) from registration where status = 'confirmed' and event_id = '" + event + "'"))
                .isEqualTo(2);
    }

    @Test
    void refusalsAreKeptButInvalidInputIsNot() throws Exception {
        String key = UUID.randomUUID().toString();
        String missing = "/reservations/" + UUID.randomUUID() + "/approve";
        as(Tokens.staff("soest")).header(KEY, key).when().post(missing).then().statusCode(404)
                .header(IdempotencyReplay.HEADER, (String) null);
        as(Tokens.staff("soest")).header(KEY, key).when().post(missing).then().statusCode(404)
                .contentType("application/problem+json").header(IdempotencyReplay.HEADER, "true")
                .body("type", equalTo("urn:stadtlabore:problem:not-found"));

        // Invalid input is not kept: the corrected request may use the same key.
        String item = item();
        String other = UUID.randomUUID().toString();
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).header(KEY, other)
                .contentType("application/json").body("{\"item\": \"" + item + "\"}")
                .when().post("/reservations").then().statusCode(400);
        loan(other, Fixtures.loan(item, "zukunftswerkstadt-menden", start(49), start(49).plusHours(1)))
                .then().statusCode(201).header(IdempotencyReplay.HEADER, (String) null);
    }

    @Test
    void malformedKeysAreRefusedWithAProblem() throws Exception {
        String item = item();
        for (String bad : new String[] { "x".repeat(256), "schlüssel", " " }) {
            wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).header(KEY, bad)
                    .contentType("application/json")
                    .body(Fixtures.loan(item, "zukunftswerkstadt-menden", start(50), start(50).plusHours(1)))
                    .when().post("/reservations").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(KEY));
        }
        assertThat(reservationsOf(item)).isZero();
        loan("x".repeat(255), Fixtures.loan(item, "zukunftswerkstadt-menden", start(50), start(50).plusHours(1)))
                .then().statusCode(201);
    }

    /** A copy of the database shows neither the key nor what the response said (a registrant's address). */
    @Test
    void keysAndResponsesAreNotStoredInClear() throws Exception {
        String event = event();
        String key = "clear-" + UUID.randomUUID();
        String email = "sealed-" + UUID.randomUUID() + "@example.org";
        api().header(KEY, key).contentType("application/json")
                .body(Map.of("name", "Erika Muster", "email", email, "consent", true))
                .when().post("/events/" + event + "/occurrences/" + START + "/registrations").then().statusCode(201);

        try (var connection = dataSource.getConnection();
                var rows = connection.createStatement().executeQuery(
                        "select id, fingerprint, response from idempotency_key order by created_at desc limit 50")) {
            int seen = 0;
            while (rows.next()) {
                for (int column = 1; column <= 3; column++) {
                    String bytes = new String(rows.getBytes(column), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).doesNotContain(email).doesNotContain(key).doesNotContain("Erika");
                    assertThat(HexFormat.of().formatHex(rows.getBytes(column)))
                            .doesNotContain(HexFormat.of().formatHex(email.getBytes(StandardCharsets.UTF_8)));
                }
                seen++;
            }
            assertThat(seen).isPositive();
        }
    }

    @Test
    void anExpiredKeyStartsAfreshAndIsPurged() throws Exception {
        String key = UUID.randomUUID().toString();
        String missing = "/reservations/" + UUID.randomUUID() + "/approve";
        as(Tokens.staff("soest")).header(KEY, key).when().post(missing).then().statusCode(404);
        int aged = update("update idempotency_key set created_at = now() - interval '25 hours'"
                + " where created_at > now() - interval '1 minute' and status = 404");
        assertThat(aged).isPositive();

        as(Tokens.staff("soest")).header(KEY, key).when().post(missing).then().statusCode(404)
                .header(IdempotencyReplay.HEADER, (String) null);
        update("update idempotency_key set created_at = now() - interval '25 hours'"
                + " where created_at > now() - interval '1 minute' and status = 404");
        assertThat(idempotency.purgeExpired()).isPositive();
        assertThat(count("select count(*) from idempotency_key where created_at <= now() - interval '24 hours'"))
                .isZero();
    }

    /** Every POST of the service honours the key, and the contract says so on every POST. */
    @Test
    void everyPostTakesAnIdempotencyKeyInCodeAndContract() {
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("de.stadtlabore");
        methods().that().areAnnotatedWith(POST.class).should().beAnnotatedWith(Idempotent.class).check(service);

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI contract = new OpenAPIV3Parser().readContents(Contract.text(), null, options).getOpenAPI();
        List<String> posts = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> {
            Operation post = item.getPost();
            if (post != null) {
                posts.add(path);
                assertThat(post.getParameters()).as(path).extracting(p -> resolve(contract, p).getName()).contains(KEY);
                assertThat(post.getResponses()).as(path).containsKeys("409", "422");
            }
        });
        assertThat(posts).hasSizeGreaterThan(20);
    }

    /**
     * The fingerprint is the body written with sorted names; lists keep their order. A set or map
     * in a request body would make it depend on iteration order, which differs between replicas.
     */
    @Test
    void requestBodiesHaveNoUnorderedCollections() {
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("de.stadtlabore");
        List<String> unordered = new ArrayList<>();
        int bodies = 0;
        for (var type : service) {
            for (Method method : type.reflect().getDeclaredMethods()) {
                if (!method.isAnnotationPresent(POST.class)) {
                    continue;
                }
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (java.util.Arrays.stream(method.getParameterAnnotations()[i]).noneMatch(a -> a.annotationType()
                            .getPackageName().startsWith("jakarta.ws.rs"))) {
                        bodies++;
                        collectUnordered(method.getGenericParameterTypes()[i], method.getName(), unordered, 0);
                    }
                }
            }
        }
        assertThat(bodies).isGreaterThan(10);
        assertThat(unordered).isEmpty();
    }

    private static void collectUnordered(Type type, String where, List<String> found, int depth) {
        if (depth > 6) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Set.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                found.add(where + ": " + type);
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectUnordered(argument, where, found, depth + 1);
            }
        } else if (type instanceof Class<?> raw) {
            if (Set.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                    || Collection.class.isAssignableFrom(raw) && !List.class.isAssignableFrom(raw)) {
                found.add(where + ": " + raw.getName());
            }
            if (raw.isRecord()) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    collectUnordered(component.getGenericType(), where + "." + component.getName(), found, depth + 1);
                }
            }
        }
    }

    private static Parameter resolve(OpenAPI contract, Parameter parameter) {
        if (parameter.get$ref() == null) {
            return parameter;
        }
        String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
        return contract.getComponents().getParameters().get(name);
    }

    // --- fixtures

    private static final LocalDateTime START = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS)
            .plusDays(12);

    private static String item() {
        return Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-IDEM"), "camera",
                "network");
    }

    private static OffsetDateTime start(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(days);
    }

    private static io.restassured.response.Response loan(String key, String body) {
        return as(Tokens.staff("menden")).header(KEY, key).contentType("application/json").body(body)
                .when().post("/reservations");
    }

    private static String event() {
        return as(Tokens.staff("soest")).contentType("application/json").body("""
                {"leadLab": "stadtlabor-soest", "title": "%s", "category": "vortrag",
                 "format": "in-person", "place": {"lab": "stadtlabor-soest"}, "visibility": "public",
                 "start": "%s", "end": "%s", "registration": {"capacity": 30, "maxSeatsPerRegistration": 3}}
                """.formatted(Unique.name("Test Idempotenz"), START, START.plusHours(2)))
                .when().post("/events").then().statusCode(201).extract().path("id");
    }

    private int reservationsOf(String item) throws Exception {
        return count("select count(*) from reservation where item_id = '" + item + "'");
    }

    private int count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private int update(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }
}
