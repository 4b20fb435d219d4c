package de.stadtlabore.inventory;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Items, who sees them, finding free ones across the network, and schedules. */
@QuarkusTest
class InventoryItemsTest {

    static final OffsetDateTime DAY = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(50);

    @Test
    void thePublicSeesPublicItemsMembersSeeTheNetworkAndOwnersEverything() {
        // Demo data: Iserlohn's projector is lab-only and not public; Soest's microphone is network, not public.
        String projector = "3d000000-0000-4000-8000-000000000004";
        String microphone = "3d000000-0000-4000-8000-000000000009";
        api().queryParam("size", 100).when().get("/items").then().statusCode(200)
                .body("items.public", everyItem(equalTo(true)));
        api().queryParam("lab", "stadtlabor-soest").queryParam("size", 100).when().get("/items").then()
                .body("items.id", not(hasItem(microphone)));
        api().when().get("/items/" + microphone).then().statusCode(404);

        as(Tokens.staff("arnsberg")).queryParam("lab", "stadtlabor-soest").queryParam("size", 100).when().get("/items")
                .then().body("items.id", hasItem(microphone));
        as(Tokens.staff("arnsberg")).queryParam("lab", "waldstadtlabor-iserlohn").queryParam("size", 100).when()
                .get("/items").then().body("items.id", not(hasItem(projector)));
        api().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).when().get("/items/" + projector)
                .then().statusCode(404);
        as(Tokens.staff("iserlohn")).when().get("/items/" + projector).then().statusCode(200)
                .body("sharing", equalTo("lab"));

        String readKey = Fixtures.apiKey(Tokens.admin("menden"), List.of("inventory:read"));
        api().header("X-API-Key", readKey).header("X-Forwarded-For", "198.51.100.40").when().get("/items/" + microphone)
                .then().statusCode(200);
        String otherKey = Fixtures.apiKey(Tokens.admin("menden"), List.of("labs:read"));
        api().header("X-API-Key", otherKey).header("X-Forwarded-For", "198.51.100.41").when().get("/items/" + microphone)
                .then().statusCode(404);
    }

    @Test
    void staffManageTheirItemsWithETagsAndUniqueInventoryNumbers() {
        String number = Unique.name("TEST-ITEM");
        String id = Fixtures.createItem(Tokens.staff("arnsberg"), "freiraum-arnsberg", number, "3d-scanner",
                "network");
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", number, "3d-scanner", "network", false, "available"))
                .when().post("/items").then().statusCode(409);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", number + "-2", "3d-scanner", "network", false, "available"))
                .when().post("/items").then().statusCode(403);
        String etag = api().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).when().get("/items/" + id)
                .then().extract().header("ETag");
        as(Tokens.staff("arnsberg")).header("If-Match", etag).contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", number, "3d-scanner", "network", true, "available"))
                .when().put("/items/" + id).then().statusCode(200).body("public", equalTo(true));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).header("If-Match", etag)
                .contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", number, "3d-scanner", "network", false, "available"))
                .when().put("/items/" + id).then().statusCode(412);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", Unique.name("TEST-BAD"), "Not A Slug", "network", false, "available"))
                .when().post("/items").then().statusCode(400).body("errors.field", contains("category"));
        // Words of a closed set are checked as the body is read, one at a time, naming the allowed ones.
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", Unique.name("TEST-BAD"), "camera", "everyone", false, "available"))
                .when().post("/items").then().statusCode(400).body("errors.field", contains("sharing"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("lab, network"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body(Fixtures.item("freiraum-arnsberg", Unique.name("TEST-BAD"), "camera", "network", false, "lost"))
                .when().post("/items").then().statusCode(400).body("errors.field", contains("status"));
    }

    @Test
    void availabilityFindsFreeItemsNearestFirstAndSkipsTakenOnes() {
        // A category of this test's own, so that other tests' items do not take part.
        String scanner = Unique.slug("scanner");
        String menden = Fixtures.createItem(Tokens.staff("menden"), "zukunftswerkstadt-menden", Unique.name("TEST-SCAN"),
                scanner, "network");
        String soest = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-SCAN"), scanner,
                "network");
        String taken = Fixtures.createItem(Tokens.staff("arnsberg"), "freiraum-arnsberg", Unique.name("TEST-SCAN"), scanner,
                "network");
        Fixtures.requestLoan(Tokens.staff("arnsberg"), taken, "freiraum-arnsberg", DAY.plusHours(10), DAY.plusHours(30));

        as(Tokens.staff("iserlohn")).queryParam("category", scanner)
                .queryParam("start", Fixtures.rfc3339(DAY.plusHours(12))).queryParam("end", Fixtures.rfc3339(DAY.plusHours(36)))
                .when().get("/availability")
                .then().statusCode(200)
                // From Iserlohn, Menden (about 8 km) is nearer than Soest (about 40 km).
                .body("items.item.id", contains(menden, soest))
                .body("items[0].distanceKm", notNullValue())
                .body("items[0].item.lab.slug", equalTo("zukunftswerkstadt-menden"));
        as(Tokens.staff("iserlohn")).queryParam("category", scanner).queryParam("nearLab", "stadtlabor-soest")
                .queryParam("start", Fixtures.rfc3339(DAY.plusHours(40))).queryParam("end", Fixtures.rfc3339(DAY.plusHours(41)))
                .when().get("/availability")
                .then().body("items.item.id", contains(soest, taken, menden));
        wrongRequest().queryParam("start", "x").when().get("/availability").then().statusCode(401);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("iserlohn")).queryParam("start", "morgen")
                .when().get("/availability").then().statusCode(400).body("errors.field", contains("start", "end"));
    }

    @Test
    void schedulesShowBusyPeriodsButNotOtherMunicipalitiesDetails() {
        String item = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-SCHED"), "camera", "network");
        Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY, DAY.plusDays(1));
        String window = "?from=" + Fixtures.rfc3339(DAY.minusDays(1)).replace("+", "%2B") + "&to="
                + Fixtures.rfc3339(DAY.plusDays(3)).replace("+", "%2B");
        as(Tokens.staff("menden")).urlEncodingEnabled(false).when().get("/items/" + item + "/schedule" + window)
                .then().statusCode(200).body("[0].purpose", equalTo("Workshop"))
                .body("[0].borrowerLab.slug", equalTo("zukunftswerkstadt-menden"));
        as(Tokens.staff("arnsberg")).urlEncodingEnabled(false).when().get("/items/" + item + "/schedule" + window)
                .then().statusCode(200).body("[0].status", equalTo("requested"))
                .body("[0].purpose", nullValue()).body("[0].borrowerLab", nullValue());
    }

    @Test
    void categoriesOfPrivateItemsAreNotListedToThePublic() {
        String secret = Unique.slug("secret");
        String open = Unique.slug("open");
        for (String[] item : new String[][] { { secret, "false" }, { open, "true" } }) {
            as(Tokens.staff("menden")).contentType("application/json")
                    .body(Fixtures.item("zukunftswerkstadt-menden", Unique.name("TEST-CAT"), item[0], "lab",
                            Boolean.parseBoolean(item[1]), "available"))
                    .when().post("/items").then().statusCode(201);
        }
        api().when().get("/equipment-categories").then().statusCode(200)
                .body("slug", hasItem(open)).body("slug", not(hasItem(secret)));
    }

    @Test
    void categoriesAreSuggestedInTheCallersLanguage() {
        api().when().get("/equipment-categories").then().statusCode(200)
                .body("find { it.slug == '3d-printer' }.name", equalTo("3D-Drucker"));
        api().header("Accept-Language", "en").when().get("/equipment-categories").then()
                .body("find { it.slug == '3d-printer' }.name", equalTo("3D printer"));
    }
}
