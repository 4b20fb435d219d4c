package de.stadtlabore.labs;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Updates need the ETag of what the caller has seen; lost updates are impossible. */
@QuarkusTest
class LabsUpdateTest {

    /** A lab of each test's own (JUnit makes an instance per test). */
    final String SLUG = Unique.slug("test-update");

    @Inject
    LabRepository labs;

    @BeforeEach
    void createLab() {
        as(Tokens.networkAdmin()).contentType("application/json").body(Fixtures.lab(SLUG, "arnsberg", "Start"))
                .when().post("/labs").then().statusCode(201);
    }

    String etag() {
        return api().when().get("/labs/" + SLUG).then().extract().header("ETag");
    }

    @Test
    void aLabAdminUpdatesTheirLabAndGetsTheNewETag() {
        String before = etag();
        String after = as(Tokens.admin("arnsberg")).header("If-Match", before).contentType("application/json")
                .body(Fixtures.lab(SLUG, "arnsberg", "Geänderte Hinweise"))
                .when().put("/labs/" + SLUG)
                .then().statusCode(200)
                .body("openingHours.notes", equalTo("Geänderte Hinweise"))
                .header("ETag", not(equalTo(before)))
                .extract().header("ETag");
        assertThat(after).isEqualTo(etag());
    }

    @Test
    void updatesWithoutIfMatchAreRefused() {
        wrongRequest().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).contentType("application/json")
                .body(Fixtures.lab(SLUG, "arnsberg", "x"))
                .when().put("/labs/" + SLUG)
                .then().statusCode(428).body("type", equalTo("urn:stadtlabore:problem:precondition-required"));
    }

    @Test
    void aStaleETagChangesNothing() {
        String stale = etag();
        as(Tokens.admin("arnsberg")).header("If-Match", stale).contentType("application/json")
                .body(Fixtures.lab(SLUG, "arnsberg", "erste")).when().put("/labs/" + SLUG).then().statusCode(200);
        as(Tokens.admin("arnsberg")).header("If-Match", stale).contentType("application/json")
                .body(Fixtures.lab(SLUG, "arnsberg", "zweite")).when().put("/labs/" + SLUG)
                .then().statusCode(412).body("type", equalTo("urn:stadtlabore:problem:precondition-failed"));
        api().when().get("/labs/" + SLUG).then().body("openingHours.notes", equalTo("erste"));
    }

    @Test
    void theSlugCannotChangeAndAdminsCannotMoveLabsAway() {
        wrongRequest().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).header("If-Match", etag())
                .contentType("application/json").body(Fixtures.lab("test-renamed", "arnsberg", "x"))
                .when().put("/labs/" + SLUG).then().statusCode(400);
        wrongRequest().header("Authorization", "Bearer " + Tokens.admin("arnsberg")).header("If-Match", etag())
                .contentType("application/json").body(Fixtures.lab(SLUG, "soest", "x"))
                .when().put("/labs/" + SLUG).then().statusCode(403);
        api().when().get("/labs/" + SLUG).then().body("municipality.slug", equalTo("arnsberg"));
    }

    @Test
    void concurrentUpdatesFromTheSameVersionYieldExactlyOneWinner() throws Exception {
        String version = etag();
        List<Integer> statuses = Race.run(16, n -> api().header("Authorization", "Bearer " + Tokens.admin("arnsberg"))
                .header("If-Match", version).contentType("application/json")
                .body(Fixtures.lab(SLUG, "arnsberg", "Version " + n)).when().put("/labs/" + SLUG).then().extract()
                .statusCode());
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }
}
