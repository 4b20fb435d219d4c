package de.stadtlabore.events;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.undocumented;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Every caller has an allowance, announced in RateLimit-Policy and RateLimit on each answer and
 * refused with 429, Retry-After and a problem document when used up: per client address for the
 * public (with allowances of their own for feeds and registering), per token subject, per API key
 * and per e-mail address for registrations.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallAllowances.class)
class RateLimitsTest {

    /** Small allowances in hour-long windows, so that no window ends during a test. */
    public static class SmallAllowances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stadtlabore.rate-limit.anonymous", "5", "stadtlabore.rate-limit.person", "20",
                    "stadtlabore.rate-limit.api-key", "4", "stadtlabore.rate-limit.window", "1H",
                    "stadtlabore.rate-limit.feed", "3", "stadtlabore.rate-limit.feed-window", "1H",
                    "stadtlabore.rate-limit.registration-per-address", "3",
                    "stadtlabore.rate-limit.registration-per-email", "2",
                    "stadtlabore.rate-limit.privacy-request-per-address", "3",
                    "stadtlabore.rate-limit.privacy-request-per-email", "2");
        }
    }

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    de.stadtlabore.common.mail.Mailer mailbox;

    /** Other test classes counted against the same buckets; this one starts from nothing. */
    @BeforeEach
    void forgetCounts() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("truncate rate_limit_window");
        }
    }

    /** A client of its own: an IPv6 /64 of its own (clients are counted per /64). */
    private static String address() {
        UUID random = UUID.randomUUID();
        return "2001:db8:" + Long.toHexString(random.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(random.getLeastSignificantBits() & 0xffff) + "::1";
    }

    /** Another address in the same /64 as {@code address}. */
    private static String neighbour(String address) {
        return address.replace("::1", "::" + Integer.toHexString(2 + (int) (Math.random() * 60000)));
    }

    private static RequestSpecification from(RequestSpecification request, String address) {
        return request.header("X-Forwarded-For", address);
    }

    @Test
    void theAnonymousAllowanceIsAnnouncedThenRefusedPerAddress() {
        String address = address();
        for (int i = 1; i <= 5; i++) {
            from(api(), address).when().get("/labs").then().statusCode(200)
                    .header("RateLimit-Policy", "\"anonymous\";q=5;w=3600")
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + (5 - i) + ";t=\\d+"));
        }
        // The same client from another address of its /64 is the same client.
        from(wrongRequest(), neighbour(address)).when().get("/labs").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:too-many-requests"))
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", matchesPattern("\"anonymous\";r=0;t=\\d+"));
        from(api(), address()).when().get("/labs").then().statusCode(200);
    }

    @Test
    void feedsHaveAnAllowanceOfTheirOwn() {
        String address = address();
        for (int i = 0; i < 3; i++) {
            from(api(), address).when().get("/events.ics").then().statusCode(200)
                    .header("RateLimit-Policy", "\"feed\";q=3;w=3600");
        }
        // A trailing slash reaches the same feed, and counts against the same allowance.
        from(undocumented(), address).when().get("/events.ics/").then().statusCode(429);
        // The general allowance of the address is untouched.
        from(api(), address).when().get("/labs").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"anonymous\";r=4;t=\\d+"));
    }

    @Test
    void refusedCredentialsCountAgainstTheAddress() {
        String address = address();
        for (int i = 0; i < 5; i++) {
            from(wrongRequest(), address).header("Authorization", "Bearer forged.token.x").when().get("/labs")
                    .then().statusCode(401);
        }
        from(wrongRequest(), address).header("Authorization", "Bearer forged.token.x").when().get("/labs")
                .then().statusCode(429).header("Retry-After", matchesPattern("\\d+"));
    }

    @Test
    void anApiKeyHasItsOwnAllowanceWhateverAddressItComesFrom() {
        String key = Fixtures.apiKey(Tokens.admin("menden"), List.of("labs:read"));
        for (int i = 0; i < 4; i++) {
            from(api(), address()).header("X-API-Key", key).when().get("/labs").then().statusCode(200)
                    .header("RateLimit-Policy", "\"api-key\";q=4;w=3600");
        }
        from(wrongRequest(), address()).header("X-API-Key", key).when().get("/labs").then().statusCode(429);
    }

    @Test
    void aPersonHasAnAllowancePerTokenSubject() {
        String token = Tokens.mint("stadtlabore-iserlohn", "iserlohn-staff",
                Map.of("sub", "rate-limit-" + UUID.randomUUID()), "realm");
        for (int i = 0; i < 20; i++) {
            from(as(token), address()).when().get("/me").then().statusCode(200);
        }
        from(wrongRequest(), address()).header("Authorization", "Bearer " + token).when().get("/me").then()
                .statusCode(429).header("RateLimit-Policy", "\"person\";q=20;w=3600");
    }

    @Test
    void registrationsAreLimitedPerAddressAndPerEmail() {
        String event = RegistrationTest.event(50, "", RegistrationTest.START);
        String path = RegistrationTest.path(event, RegistrationTest.START);
        String bot = address();
        for (String email : new String[] { "a@example.org", "b@example.org", "c@example.org" }) {
            from(api(), bot).contentType("application/json")
                    .body(Map.of("name", "Erika Muster", "email", email, "consent", true)).when().post(path)
                    .then().statusCode(201).header("RateLimit-Policy", "\"registration\";q=3;w=86400");
        }
        from(undocumented(), bot).contentType("application/json")
                .body(Map.of("name", "Erika Muster", "email", "d@example.org", "consent", true)).when().post(path + "/")
                .then().statusCode(429);
        // One e-mail address from many addresses: two registrations (other events), then no more.
        String email = "viel@example.org";
        for (int i = 0; i < 2; i++) {
            String other = RegistrationTest.event(50, "", RegistrationTest.START);
            from(api(), address()).contentType("application/json")
                    .body(Map.of("name", "Erika Muster", "email", email, "consent", true))
                    .when().post(RegistrationTest.path(other, RegistrationTest.START)).then().statusCode(201);
        }
        String third = RegistrationTest.event(50, "", RegistrationTest.START);
        from(wrongRequest(), address()).contentType("application/json")
                .body(Map.of("name", "Erika Muster", "email", email, "consent", true))
                .when().post(RegistrationTest.path(third, RegistrationTest.START)).then().statusCode(429)
                .header("RateLimit-Policy", "\"registration-email\";q=2;w=86400");
    }

    /**
     * Asking for one's data: per client address, then 429; per e-mail address, whoever asks, at
     * most so many mails — beyond that the answer stays the same and no mail goes out, so that
     * nobody can flood an inbox with links or learn from a refusal.
     */
    @Test
    void requestsForOnesDataAreLimitedPerAddressAndMailsPerEmail() {
        String bot = address();
        for (int i = 0; i < 3; i++) {
            from(api(), bot).contentType("application/json").body(Map.of("email", "frage" + i + "@example.org"))
                    .when().post("/privacy/requests").then().statusCode(202)
                    .header("RateLimit-Policy", "\"privacy-request\";q=3;w=86400");
        }
        from(wrongRequest(), bot).contentType("application/json").body(Map.of("email", "frage9@example.org"))
                .when().post("/privacy/requests").then().statusCode(429);

        String email = "oft-gefragt@example.org";
        RegistrationTest.register(RegistrationTest.event(50, "", RegistrationTest.START), email, 1).statusCode(201);
        mailbox.clear();
        for (int i = 0; i < 4; i++) {
            from(api(), address()).contentType("application/json").body(Map.of("email", email))
                    .when().post("/privacy/requests").then().statusCode(202)
                    .body("status", equalTo("accepted"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> mailbox.sentTo(email).size() >= 2);
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(500)).atMost(java.time.Duration.ofSeconds(2))
                .until(() -> mailbox.sentTo(email).size() == 2);
    }
}
