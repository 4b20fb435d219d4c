package de.stadtlabore.access;

import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.undocumented;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import de.stadtlabore.access.apikeys.ApiKeyRepository;
import de.stadtlabore.support.Api;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.RawHttp;
import de.stadtlabore.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ApiKeysTest {

    @Inject
    ApiKeyRepository keys;

    static RequestSpecification withKey(String key, String address) {
        return Api.api().header("X-API-Key", key).header("X-Forwarded-For", address);
    }

    @Test
    void theSecretIsShownOnceAndStoredOnlyAsAHash() {
        var created = as(Tokens.admin("menden")).contentType("application/json")
                .body(Map.of("name", "CMS Menden", "scopes", List.of("labs:read", "audit:read"),
                        "expiresAt", OffsetDateTime.now().plusMonths(6).toString()))
                .when().post("/api-keys")
                .then().statusCode(201)
                .body("secret", matchesPattern("slk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}"))
                .body("key.prefix", matchesPattern("slk_[a-z2-9]{8}"))
                .body("key.municipality", equalTo("menden"))
                .body("key.scopes", contains("labs:read", "audit:read"))
                .extract();
        String secret = created.path("secret");
        String id = created.path("key.id");
        assertThat(secret).startsWith(created.<String>path("key.prefix"));

        as(Tokens.admin("menden")).when().get("/api-keys")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", not(hasItem(notNullValue())))
                .body(not(org.hamcrest.Matchers.containsString(secret.substring(14))));
        assertThat(keys.findById(UUID.fromString(id)).secretHash).hasSize(64).doesNotContain(secret);

        withKey(secret, "198.51.100.1").when().get("/me")
                .then().statusCode(200)
                .body("authMethod", equalTo("api-key"))
                .body("municipality", equalTo("menden"))
                .body("scopes", contains("audit:read", "labs:read"))
                .body("roles", org.hamcrest.Matchers.empty());
        as(Tokens.admin("menden")).when().get("/api-keys")
                .then().body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue());
    }

    @Test
    void revokingTakesEffectAtOnce() {
        Fixtures.CreatedKey key = Fixtures.apiKeyResponse(Tokens.admin("soest"), List.of("labs:read"));
        withKey(key.secret(), "198.51.100.2").when().get("/me").then().statusCode(200);
        as(Tokens.admin("soest")).when().delete("/api-keys/" + key.id())
                .then().statusCode(200).body("revokedAt", notNullValue());
        Api.wrongRequest().header("X-API-Key", key.secret()).header("X-Forwarded-For", "198.51.100.2")
                .when().get("/me").then().statusCode(401);
    }

    @Test
    void expiredKeysAreRefused() {
        Fixtures.CreatedKey key = Fixtures.apiKeyResponse(Tokens.admin("soest"), List.of("labs:read"));
        expire(UUID.fromString(key.id()));
        wrongRequest().header("X-API-Key", key.secret()).header("X-Forwarded-For", "198.51.100.3")
                .when().get("/me").then().statusCode(401);
    }

    @Transactional
    void expire(UUID id) {
        var key = keys.findById(id);
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        key.expiresAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
    }

    @Test
    void keysCanNeverManageKeys() {
        String key = Fixtures.apiKey(Tokens.admin("arnsberg"), List.of("labs:read", "labs:write", "audit:read"));
        wrongRequest().header("X-API-Key", key).header("X-Forwarded-For", "198.51.100.4").when().get("/api-keys")
                .then().statusCode(403);
    }

    @Test
    void keysInTheUrlAreRefusedAndNotUsed() {
        String key = Fixtures.apiKey(Tokens.admin("arnsberg"), List.of("labs:read"));
        undocumented().queryParam("api_key", key).when().get("/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("Zugangsdaten gehören nicht in die URL"));
        undocumented().queryParam("q", key).when().get("/labs").then().statusCode(401);
        undocumented().queryParam("access_token", Tokens.admin("arnsberg")).when().get("/me").then().statusCode(401);
    }

    @Test
    void repeatedFailuresFromOneClientAreThrottled() {
        String address = "198.51.100.250";
        for (int i = 0; i < 10; i++) {
            wrongRequest().header("X-API-Key", "slk_guessing_" + "x".repeat(30) + i).header("X-Forwarded-For", address)
                    .when().get("/me").then().statusCode(401);
        }
        String valid = Fixtures.apiKey(Tokens.admin("arnsberg"), List.of("labs:read"));
        wrongRequest().header("X-API-Key", valid).header("X-Forwarded-For", address).when().get("/me")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .body("type", equalTo("urn:stadtlabore:problem:too-many-requests"));
        // Other clients are not affected.
        withKey(valid, "198.51.100.251").when().get("/me").then().statusCode(200);
    }

    /**
     * Finding 8: a client that is not one of the trusted proxies (here from 127.0.0.2; the tests'
     * proxy is 127.0.0.1) cannot choose its address with X-Forwarded-For to escape throttling.
     */
    @Test
    void aClientOutsideTheTrustedProxiesCannotChooseItsAddress() throws Exception {
        int[] statuses = new int[14];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = RawHttp.getFrom("127.0.0.2", "/me", "X-API-Key: slk_guessing_" + "y".repeat(30) + i,
                    "X-Forwarded-For: 203.0.113." + (i + 1)).status();
        }
        assertThat(statuses).startsWith(401, 401, 401, 401, 401, 401, 401, 401, 401, 401).endsWith(429, 429, 429, 429);
    }

    @Test
    void refusesUnknownScopesAndLongLifetimes() {
        wrongRequest().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).contentType("application/json")
                .body(Map.of("name", "x", "scopes", List.of("labs:read", "everything"),
                        "expiresAt", OffsetDateTime.now().plusYears(3).toString()))
                .when().post("/api-keys")
                .then().statusCode(400)
                .body("errors.field", contains("scopes[1]", "expiresAt"));
    }

    @Test
    void keysOfOtherMunicipalitiesDoNotExistForYou() {
        Fixtures.CreatedKey key = Fixtures.apiKeyResponse(Tokens.admin("arnsberg"), List.of("labs:read"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.admin("soest")).when().delete("/api-keys/" + key.id())
                .then().statusCode(404);
        as(Tokens.admin("soest")).when().get("/api-keys").then().body("items.id", not(hasItem(key.id())));
        wrongRequest().header("Authorization", "Bearer " + Tokens.admin("soest")).when().delete("/api-keys/not-a-uuid")
                .then().statusCode(400).body("errors.field", contains("id"));
        as(Tokens.admin("arnsberg")).when().get("/me").then().body("apiKeyId", nullValue());
    }
}
