package de.stadtlabore.access;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditLogTest {

    @Test
    void everyWriteIsRecordedWithWhoWhatAndTheRequest() {
        String lab = Unique.slug("test-audit");
        String requestId = as(Tokens.networkAdmin()).header("X-Request-Id", "audit-test-1").contentType("application/json")
                .body(Fixtures.lab(lab, "iserlohn", "x")).when().post("/labs")
                .then().statusCode(201).extract().header("X-Request-Id");
        String etag = api().when().get("/labs/" + lab).then().extract().header("ETag");
        String key = Fixtures.apiKey(Tokens.admin("iserlohn"), List.of("labs:write", "audit:read"));
        api().header("X-API-Key", key).header("If-Match", etag).contentType("application/json")
                .body(Fixtures.lab(lab, "iserlohn", "per Schlüssel")).when().put("/labs/" + lab)
                .then().statusCode(200);

        as(Tokens.admin("iserlohn")).queryParam("target", "lab:" + lab).when().get("/audit-events")
                .then().statusCode(200)
                .body("items.action", contains("lab.update", "lab.create"))
                .body("items[1].actor.type", equalTo("user"))
                .body("items[1].actor.issuer", equalTo(Tokens.issuer("stadtlabore-netzwerk")))
                .body("items[1].requestId", equalTo(requestId))
                .body("items[1].municipality", equalTo("iserlohn"))
                .body("items[0].actor.type", equalTo("api-key"))
                .body("items[0].actor.subject", org.hamcrest.Matchers.startsWith("api-key:slk_"));
        // The key with audit:read reads its municipality's log too.
        api().header("X-API-Key", key).queryParam("target", "lab:" + lab).when().get("/audit-events")
                .then().statusCode(200).body("totalItems", equalTo(2));
    }

    @Test
    void labAdminsSeeTheirMunicipalityOnlyNetworkAdminsSeeAll() {
        String lab = Unique.slug("test-audit-soest");
        as(Tokens.networkAdmin()).contentType("application/json").body(Fixtures.lab(lab, "soest", "x"))
                .when().post("/labs").then().statusCode(201);
        as(Tokens.admin("arnsberg")).queryParam("size", 100).when().get("/audit-events")
                .then().statusCode(200).body("items.municipality", everyItem(equalTo("arnsberg")));
        as(Tokens.admin("arnsberg")).queryParam("target", "lab:" + lab).when().get("/audit-events")
                .then().body("totalItems", equalTo(0));
        as(Tokens.networkAdmin()).queryParam("target", "lab:" + lab).when().get("/audit-events")
                .then().body("totalItems", equalTo(1));
    }

    @Test
    void filtersByActorAndTime() {
        String lab = Unique.slug("test-audit-time");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        as(Tokens.networkAdmin()).contentType("application/json").body(Fixtures.lab(lab, "menden", "x"))
                .when().post("/labs").then().statusCode(201);
        String subject = as(Tokens.networkAdmin()).when().get("/me").then().extract().path("subject");
        as(Tokens.networkAdmin()).queryParam("actor", subject).queryParam("from", before.toString())
                .when().get("/audit-events")
                .then().statusCode(200).body("items.target", hasItem("lab:" + lab));
        as(Tokens.networkAdmin()).queryParam("to", before.toString()).when().get("/audit-events")
                .then().body("items.target", not(hasItem("lab:" + lab)));
        wrongRequest().header("Authorization", "Bearer " + Tokens.networkAdmin()).queryParam("from", "yesterday")
                .queryParam("target", "lab").when().get("/audit-events")
                .then().statusCode(400).body("errors.field", contains("target", "from"));
    }
}
