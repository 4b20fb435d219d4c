package de.stadtlabore.access;

import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service contacts identity providers on its own schedule only: no token, forged or not,
 * makes it send a request, and a provider that cannot be reached is a 503 with a problem
 * document, not a 500 (security review, findings 3, 4 and 17).
 */
@QuarkusTest
class ProviderContactTest {

    @Inject
    ProviderDirectory directory;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    /** An identity provider of the test's own on loopback that counts what it is asked. */
    static final class FakeProvider implements AutoCloseable {
        final HttpServer server;
        final AtomicInteger requests = new AtomicInteger();
        final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
        volatile boolean down;
        volatile boolean stalling;
        volatile RsaJsonWebKey key;

        FakeProvider() throws IOException, JoseException {
            key = newKey("key-1");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.setExecutor(handlers);
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/fake";
        }

        private void answer(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String body = "{}";
            int status = 404;
            if (stalling) {
                // Headers at once, then a body that never comes.
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write('{');
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (down) {
                status = 500;
            } else if (path.endsWith("/.well-known/openid-configuration")) {
                status = 200;
                body = "{\"issuer\": \"" + issuer() + "\", \"jwks_uri\": \"" + issuer() + "/keys\"}";
            } else if (path.endsWith("/keys")) {
                status = 200;
                body = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        static RsaJsonWebKey newKey(String kid) throws JoseException {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setUse("sig");
            return key;
        }

        /** A token signed with the given key, naming the given key id. */
        String token(RsaJsonWebKey signer, String kid, Instant issuedAt) throws JoseException {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer());
            claims.setAudience("stadtlabore-api");
            claims.setSubject("fake-admin");
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(300).getEpochSecond()));
            claims.setClaim("realm_access", java.util.Map.of("roles", List.of("lab-admin")));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(signer.getPrivateKey());
            jws.setKeyIdHeaderValue(kid);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        }

        String token() throws JoseException {
            return token(key, key.getKeyId(), Instant.now());
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private static String onboard(String issuer) {
        String slug = Unique.slug("test-fake");
        as(Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.municipality(slug, issuer, "https://fake.example.org"))
                .when().post("/municipalities").then().statusCode(201);
        return slug;
    }

    @Test
    void tokensOnlyPickKeysTheServiceFetchedItself() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            String slug = onboard(provider.issuer());
            // Onboarding fetched the discovery document and the key set, in the administrator's request.
            assertThat(provider.requests.get()).isEqualTo(2);
            as(provider.token()).when().get("/me").then().statusCode(200).body("municipality", equalTo(slug));

            RsaJsonWebKey stranger = FakeProvider.newKey("key-forged");
            for (int i = 0; i < 10; i++) {
                wrongRequest().header("Authorization", "Bearer " + provider.token(stranger, "key-" + i, Instant.now()))
                        .when().get("/me").then().statusCode(401).contentType("application/problem+json");
            }
            wrongRequest().header("Authorization", "Bearer " + provider.token(stranger, "key-1", Instant.now()))
                    .when().get("/me").then().statusCode(401);
            assertThat(provider.requests.get()).as("requests the forged tokens caused").isEqualTo(2);

            // The provider rotates its key. The service's next key check fetches the new set, but
            // not more often than key-recheck-min (10 s in tests), however many tokens name it.
            provider.key = FakeProvider.newKey("key-2");
            String rotated = provider.token();
            wrongRequest().header("Authorization", "Bearer " + rotated).when().get("/me").then().statusCode(401);
            directory.reloadWithKeys();
            assertThat(provider.requests.get()).isEqualTo(2);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                directory.reloadWithKeys();
                return provider.requests.get() == 4;
            });
            as(rotated).when().get("/me").then().statusCode(200);
        }
    }

    @Test
    void anUnreachableProviderIsA503ThatCostsItNothing() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            provider.down = true;
            onboard(provider.issuer());
            int attempts = provider.requests.get();
            assertThat(attempts).isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                wrongRequest().header("Authorization", "Bearer " + provider.token()).when().get("/labs")
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:stadtlabore:problem:service-unavailable"));
            }
            // The next attempt waits for its back-off; requests do not bring it forward.
            directory.reloadWithKeys();
            assertThat(provider.requests.get()).isEqualTo(attempts);
            // The operator sees it: the identity providers' wellness check is DOWN and names it,
            // while readiness stays UP for everyone else.
            io.restassured.RestAssured.given().when().get(management + "health/group/identity-providers").then()
                    .statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks[0].data.'" + provider.issuer() + "'", org.hamcrest.Matchers.startsWith("DOWN"));
            io.restassured.RestAssured.given().when().get(management + "health/ready").then().statusCode(200);
        }
    }

    /** Found in review: a provider that sends its headers and then nothing blocked every key check. */
    @Test
    void aProviderThatStallsMidAnswerDoesNotHoldUpTheService() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            provider.stalling = true;
            io.restassured.config.RestAssuredConfig patient = io.restassured.RestAssured.config().httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000));
            // Onboarding answers after the fetch's deadline, not after the provider gave up.
            as(Tokens.networkAdmin()).config(patient).contentType("application/json")
                    .body(Fixtures.municipality(Unique.slug("test-langsam"), provider.issuer(), "https://x.example.org"))
                    .when().post("/municipalities").then().statusCode(201);
            wrongRequest().header("Authorization", "Bearer " + provider.token()).when().get("/labs").then()
                    .statusCode(503);
        }
    }

    @Test
    void tokensIssuedInTheFutureAreRefused() throws Exception {
        try (FakeProvider provider = new FakeProvider()) {
            onboard(provider.issuer());
            as(provider.token(provider.key, "key-1", Instant.now().plusSeconds(30))).when().get("/me")
                    .then().statusCode(200);
            wrongRequest().header("Authorization", "Bearer "
                    + provider.token(provider.key, "key-1", Instant.now().plus(Duration.ofHours(2))))
                    .when().get("/me").then().statusCode(401);
        }
    }

    @Test
    void anyCredentialThatIsPresentAndInvalidIsRefusedEvenWherePublic() {
        for (String authorization : new String[] { "Bearer garbage", "Bearer a.b.c", "Basic YWRtaW46YWRtaW4=",
                "Bearer " + Tokens.mint("stadtlabore-soest", "soest-admin", java.util.Map.of(), "foreign") }) {
            wrongRequest().header("Authorization", authorization).when().get("/labs").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void providersInsideTheServicesNetworkCannotBeOnboarded() {
        // Tests allow http and loopback, as dev mode does; link-local and private addresses stay refused.
        for (String issuer : new String[] { "http://169.254.169.254/latest/meta-data", "http://10.0.0.8/realms/x",
                "http://192.168.1.1/realms/x", "http://[fd00::1]/realms/x", "http://100.64.0.1/realms/x" }) {
            wrongRequest().header("Authorization", "Bearer " + Tokens.networkAdmin()).contentType("application/json")
                    .body(Fixtures.municipality(Unique.slug("test-ssrf"), issuer, "https://x.example.org"))
                    .when().post("/municipalities").then().statusCode(400)
                    .body("errors.field", contains("identityProviders[0].issuer"));
        }
    }
}
