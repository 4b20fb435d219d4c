package de.stadtlabore.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.stadtlabore.access.Scope;
import de.stadtlabore.support.Contract;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * A fuzzer driven by the contract. For every operation of {@code openapi.yaml} it sends valid and
 * deliberately broken requests — missing and wrong-typed fields, nulls, huge strings, control
 * and non-BMP characters, out-of-range numbers and dates, malformed ids, wrong content types,
 * garbage query parameters and conditional headers — as anonymous, staff, admin, network admin
 * and API-key callers, and asserts: no 5xx, every 4xx a problem document, every 2xx as the
 * contract says. Fixed seed; {@code -Dstadtlabore.fuzz.rounds=N} (profile {@code fuzz}) runs N
 * times as many requests with other seeds.
 *
 * <p>Writes by callers who may make them only ever name objects that do not exist (random ids
 * and slugs) or carry broken bodies, so that the fuzzer never changes the demo data that other
 * tests read.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final String[] EVIL_STRINGS = { "", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\nX-Injected: 1",
            "😀𝔘𝕟𝕚𝕔𝕠𝕕𝕖", "\uD800", "x".repeat(10_000), "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
            "%00", "=HYPERLINK(\"x\")", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "null", "-1", "1e309" };
    /** What a header can carry on the wire (control characters never reach the service). */
    private static final String[] EVIL_HEADERS = { "", " ", "x".repeat(256), "x".repeat(8_000), "' OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "schl\u00fcssel", "%00", "null" };
    private static final Object[] EVIL_VALUES = { null, 12345, -1, 0, 2147483648L, 1e308, -1e308, 0.5, true, false,
            List.of(), List.of("x"), Map.of(), Map.of("x", 1) };
    private static final String[] EVIL_DATES = { "2026-13-45", "2026-02-30T10:00:00Z", "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1800-01-01", "2026-06-01T25:61", "24:00", "yesterday", "" };
    private static final String[] EVIL_IDS = { "not-a-uuid", "", "00000000-0000-0000-0000-000000000000",
            "5f000000-0000-4000-8000-00000000000Z", "x".repeat(300), "..%2F..%2Fetc", "%00", "-1" };

    record Caller(String name, Map<String, String> headers) {
    }

    private final List<String> findings = new ArrayList<>();
    private int requests;

    @Test
    void noOperationAnswersA5xxOrAnythingTheContractDoesNotSay() {
        int rounds = Integer.getInteger("stadtlabore.fuzz.rounds", 1);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(Contract.text(), null, options).getOpenAPI();
        List<Caller> callers = callers();
        RestAssuredConfig config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 15_000).setParam("http.connection.timeout", 5_000));
        for (int round = 0; round < rounds; round++) {
            Random random = new Random(20261128L + round);
            for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                    String method = op.getKey().name().toLowerCase();
                    if (!METHODS.contains(method)) {
                        continue;
                    }
                    for (Caller caller : callers) {
                        for (Supplier<RequestSpecification> request : variants(path.getKey(), method, op.getValue(),
                                caller, random, config)) {
                            send(method, path.getKey(), caller, request);
                        }
                    }
                }
            }
        }
        System.out.printf("Contract fuzzing: %d requests, %d findings%n", requests, findings.size());
        assertThat(findings).as("%d requests", requests).isEmpty();
    }

    private List<Caller> callers() {
        String admin = Tokens.admin("arnsberg");
        String key = Fixtures.apiKey(admin, Arrays.stream(Scope.values()).map(Scope::toString).toList());
        return List.of(new Caller("anonymous", Map.of()),
                new Caller("staff", Map.of("Authorization", "Bearer " + Tokens.staff("arnsberg"))),
                new Caller("admin", Map.of("Authorization", "Bearer " + admin)),
                new Caller("network-admin", Map.of("Authorization", "Bearer " + Tokens.networkAdmin())),
                new Caller("api-key", Map.of("X-API-Key", key)));
    }

    /** The requests for one operation and caller: one well-formed, then broken ones. */
    private List<Supplier<RequestSpecification>> variants(String template, String method, Operation op, Caller caller,
            Random random, RestAssuredConfig config) {
        boolean write = !method.equals("get");
        List<Parameter> parameters = op.getParameters() == null ? List.of() : op.getParameters();
        Schema<?> bodySchema = op.getRequestBody() == null || op.getRequestBody().getContent() == null ? null
                : op.getRequestBody().getContent().values().iterator().next().getSchema();
        String accept = accept(op);
        List<Supplier<RequestSpecification>> variants = new ArrayList<>();
        Supplier<RequestSpecification> base = () -> {
            RequestSpecification request = given().config(config).filter(Contract.RESPONSE_ONLY).urlEncodingEnabled(true)
                    .headers(caller.headers()).accept(accept);
            for (Parameter p : parameters) {
                if ("path".equals(p.getIn())) {
                    request.pathParam(p.getName(), pathValue(p, write, random));
                }
            }
            return request;
        };
        Map<String, Object> valid = bodySchema == null ? null : object(bodySchema, random, 0);
        // 1. well-formed
        variants.add(() -> withBody(base.get(), valid));
        // 2. broken query parameters and conditional headers
        for (Parameter p : parameters) {
            if ("query".equals(p.getIn())) {
                String evil = random.nextBoolean() ? pick(EVIL_STRINGS, random) : pick(EVIL_DATES, random);
                variants.add(() -> withBody(base.get().queryParam(p.getName(), evil), valid));
            }
        }
        variants.add(() -> withBody(base.get().queryParam("unknown", pick(EVIL_STRINGS, random)), valid));
        for (Parameter p : parameters) {
            if ("header".equals(p.getIn()) && !p.getName().startsWith("If-")) {
                String evil = pick(EVIL_HEADERS, random);
                variants.add(() -> withBody(base.get().header(p.getName(), evil), valid));
                variants.add(() -> withBody(base.get().header(p.getName(), UUID.randomUUID().toString()), valid));
            }
        }
        variants.add(() -> withBody(base.get().header("If-Match", pick(new String[] { "garbage", "*", "W/\"x\"", "\"\"" },
                random)).header("If-None-Match", pick(new String[] { "garbage", "*", "\"x\", W/\"y\"" }, random)), valid));
        variants.add(() -> withBody(base.get().header("Accept-Language", pick(new String[] { "xx-YY;q=abc", ";;;",
                "de;q=2", "*" }, random)), valid));
        // 3. malformed path parameters
        for (Parameter p : parameters) {
            if ("path".equals(p.getIn())) {
                String evil = pick(EVIL_IDS, random);
                variants.add(() -> withBody(base.get().pathParam(p.getName(), evil), valid));
            }
        }
        if (valid == null) {
            return variants;
        }
        // 4. broken bodies: whole documents, then each field
        for (String raw : new String[] { "{", "[]", "null", "\"x\"", "{}", "{\"a\": 1, \"a\": 2}", "\u0000" }) {
            variants.add(() -> base.get().contentType("application/json").body(raw));
        }
        if (caller.name().equals("anonymous")) {
            variants.add(() -> base.get().contentType("application/json").body("{\"x\": \"" + "y".repeat(2_000_000) + "\"}"));
        }
        variants.add(() -> base.get().contentType("text/plain").body("hallo"));
        variants.add(() -> base.get().contentType("application/xml").body("<a/>"));
        variants.add(() -> base.get());
        for (String field : valid.keySet()) {
            Schema<?> fieldSchema = property(bodySchema, field);
            for (int i = 0; i < 2; i++) {
                Map<String, Object> broken = new LinkedHashMap<>(valid);
                int kind = random.nextInt(5);
                switch (kind) {
                    case 0 -> broken.remove(field);
                    case 1 -> broken.put(field, pick(EVIL_VALUES, random));
                    case 2 -> broken.put(field, pick(EVIL_STRINGS, random));
                    case 3 -> broken.put(field, pick(EVIL_DATES, random));
                    default -> broken.put(field, fieldSchema != null && "object".equals(type(fieldSchema))
                            ? Map.of("unexpected", pick(EVIL_STRINGS, random)) : pick(EVIL_IDS, random));
                }
                variants.add(() -> withBody(base.get(), broken));
            }
        }
        return variants;
    }

    private void send(String method, String template, Caller caller, Supplier<RequestSpecification> request) {
        requests++;
        String what = method.toUpperCase() + " " + template + " as " + caller.name();
        Response response;
        try {
            response = request.get().request(method, template);
        } catch (com.atlassian.oai.validator.restassured.OpenApiValidationFilter.OpenApiValidationException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            // Only answers the contract must describe: 2xx bodies, and 5xx statuses that must not happen.
            if (message.contains("\"RESPONSE\"") && !message.contains("Response status 4")) {
                String flat = message.replaceAll("\\s+", " ");
                findings.add(what + ": " + flat.substring(0, Math.min(400, flat.length())));
            }
            return;
        } catch (RuntimeException e) {
            findings.add(what + ": no answer (" + e + ")");
            return;
        }
        int status = response.statusCode();
        if (status >= 500) {
            String body = response.asString();
            findings.add(what + ": " + status + " " + body.substring(0, Math.min(200, body.length())));
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            findings.add(what + ": " + status + " without a problem document (" + response.contentType() + ")");
        }
    }

    private static RequestSpecification withBody(RequestSpecification request, Map<String, Object> body) {
        if (body == null) {
            return request;
        }
        try {
            return request.contentType("application/json").body(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String accept(Operation op) {
        return op.getResponses().entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                .map(r -> r.getValue().getContent()).filter(c -> c != null && !c.isEmpty())
                .map(c -> c.keySet().iterator().next()).findFirst().orElse("application/json");
    }

    /** Known objects for reads (so that reads find something); objects that do not exist for writes. */
    private static String pathValue(Parameter p, boolean write, Random random) {
        Schema<?> schema = p.getSchema();
        if (schema != null && "uuid".equals(schema.getFormat())) {
            String[] known = { "5f000000-0000-4000-8000-000000000001", "6a000000-0000-4000-8000-000000000001",
                    "4e000000-0000-4000-8000-000000000004", "3d000000-0000-4000-8000-000000000002" };
            return write || random.nextInt(3) == 0 ? UUID.randomUUID().toString() : pick(known, random);
        }
        if (p.getName().equals("occurrence")) {
            return LocalDate.now().plusDays(7 + random.nextInt(30)) + "T10:00:00";
        }
        String[] known = { "freiraum-arnsberg", "stadtlabor-soest", "arnsberg", "menden" };
        return write || random.nextInt(3) == 0 ? "fuzz-" + Integer.toHexString(random.nextInt()) : pick(known, random);
    }

    /** A body that follows the schema, with values a real client might send. */
    private Map<String, Object> object(Schema<?> schema, Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        Map<String, Schema> properties = properties(schema);
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            if (required.contains(property.getKey()) || random.nextBoolean()) {
                object.put(property.getKey(), value(property.getValue(), random, depth + 1));
            }
        }
        return object;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Map<String, Schema> properties(Schema<?> schema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        if (schema.getAllOf() != null) {
            for (Schema part : (List<Schema>) schema.getAllOf()) {
                properties.putAll(properties(part));
            }
        }
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        return properties;
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        return properties(schema).get(name);
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next().toString();
    }

    private Object value(Schema<?> schema, Random random, int depth) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(random.nextInt(schema.getEnum().size()));
        }
        String type = type(schema);
        if (type == null && !properties(schema).isEmpty()) {
            type = "object";
        }
        if (type == null) {
            return "fuzz";
        }
        switch (type) {
            case "integer" -> {
                int min = schema.getMinimum() == null ? 1 : schema.getMinimum().intValue();
                int max = schema.getMaximum() == null ? min + 10 : Math.min(schema.getMaximum().intValue(), min + 10);
                return min + random.nextInt(Math.max(1, max - min + 1));
            }
            case "number" -> {
                return 10 + random.nextInt(100);
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            case "array" -> {
                return depth > 4 || schema.getItems() == null ? List.of() : List.of(value(schema.getItems(), random, depth + 1));
            }
            case "object" -> {
                return depth > 4 ? Map.of() : object(schema, random, depth);
            }
            default -> {
                return string(schema, random);
            }
        }
    }

    private static String string(Schema<?> schema, Random random) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String pattern = schema.getPattern() == null ? "" : schema.getPattern();
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10 + random.nextInt(20)).truncatedTo(ChronoUnit.HOURS);
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> soon.toString();
            case "date" -> soon.toLocalDate().toString();
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.org";
            case "uri" -> "https://fuzz.example.org/" + random.nextInt(1000);
            default -> {
                if (pattern.contains("T") && pattern.contains(":")) {
                    yield soon.toLocalDateTime().toString() + ":00";
                }
                if (pattern.contains("[a-z0-9]")) {
                    yield "fuzz-" + Integer.toHexString(random.nextInt(0xffff));
                }
                if (pattern.contains("[A-Z]{3}")) {
                    yield "EUR";
                }
                if (pattern.contains("[0-9]{2}:")) {
                    yield "10:00";
                }
                yield "Fuzz " + random.nextInt(1000);
            }
        };
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
