package de.stadtlabore.purchases;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.inventory.ItemRepository;
import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Agreeing before buying: proposals, pledges, lifecycle, and purchases that become inventory. */
@QuarkusTest
class PurchasesTest {

    static final String DEMO = "6a000000-0000-4000-8000-000000000001";

    @Inject
    ItemRepository items;

    static String proposal(String lab, int quantity, String category, LocalDate deadline) {
        return """
                {"lab": "%s", "title": "%s", "category": "%s", "description": "Für Workshops.",
                 "quantity": %d, "estimatedCost": {"amount": 1500.00, "currency": "EUR"},
                 "justification": "Schulklassen brauchen eigene Geräte.", "decisionDeadline": "%s"}
                """.formatted(lab, Unique.name("Test Tablets"), category, quantity, deadline);
    }

    static String propose(String token, String body) {
        return as(token).contentType("application/json").body(body).when().post("/purchases")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void membersReadProposalsWithPledgesAndTotalsThePublicReadsNone() {
        as(Tokens.staff("iserlohn")).when().get("/purchases/" + DEMO).then().statusCode(200)
                .body("lab.slug", equalTo("stadtlabor-soest"))
                .body("pledges.lab.slug", contains("freiraum-arnsberg", "zukunftswerkstadt-menden", "waldstadtlabor-iserlohn"))
                .body("totals.pledged.amount", equalTo(1350.0f))
                .body("totals.pledgedQuantity", equalTo(1))
                .body("totals.interestedLabs", equalTo(1));
        as(Tokens.staff("arnsberg")).queryParam("status", "open").when().get("/purchases").then().statusCode(200)
                .body("items.id", hasItem(DEMO));
        wrongRequest().when().get("/purchases").then().statusCode(401);
        wrongRequest().when().get("/purchases/" + DEMO).then().statusCode(401);
    }

    @Test
    void aProposalShowsWhatTheNetworkAlreadyOwnsAndHowOftenItIsLent() {
        // A category of this test's own: what other tests bought is not in it.
        String category = Unique.slug("tablet");
        String owned = Fixtures.createItem(Tokens.staff("menden"), "zukunftswerkstadt-menden", Unique.name("TEST-TAB"),
                category, "network");
        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(5);
        Fixtures.requestLoan(Tokens.staff("menden"), owned, "zukunftswerkstadt-menden", day, day.plusDays(1));
        as(Tokens.staff("soest")).contentType("application/json")
                .body(proposal("stadtlabor-soest", 2, category, LocalDate.now().plusDays(20)))
                .when().post("/purchases").then().statusCode(201)
                .body("networkOwns", hasSize(1))
                .body("networkOwns[0].item", equalTo(owned))
                .body("networkOwns[0].lab.slug", equalTo("zukunftswerkstadt-menden"))
                .body("networkOwns[0].loansLastSixMonths", equalTo(1));
    }

    @Test
    void aProposalNeverShowsAnotherMunicipalitysPrivateItems() {
        String category = Unique.slug("tablet");
        String privateToMenden = Fixtures.createItem(Tokens.staff("menden"), "zukunftswerkstadt-menden",
                Unique.name("TEST-PRIV"), category, "lab");
        String sharedBySoest = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-OWN"),
                category, "lab");
        // Elsewhere in the API the item does not exist for Soest ...
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).when()
                .get("/items/" + privateToMenden).then().statusCode(404);
        // ... and so a proposal of Soest's does not name it either; Soest's own lab-only item it does.
        as(Tokens.staff("soest")).contentType("application/json")
                .body(proposal("stadtlabor-soest", 2, category, LocalDate.now().plusDays(20)))
                .when().post("/purchases").then().statusCode(201)
                .body("networkOwns.item", contains(sharedBySoest));
    }

    @Test
    void receivedPurchasesBecomeItemsOfTheLabsThatPledged() {
        String id = propose(Tokens.staff("soest"), proposal("stadtlabor-soest", 3, "tablet", LocalDate.now().plusDays(20)));
        as(Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"kind\": \"pledge\", \"amount\": 500, \"quantity\": 1, \"comment\": \"Eins für uns\"}")
                .when().post("/purchases/" + id + "/pledges").then().statusCode(200)
                .body("totals.pledgedQuantity", equalTo(1));
        as(Tokens.staff("menden")).contentType("application/json")
                .body("{\"lab\": \"zukunftswerkstadt-menden\", \"kind\": \"interest\"}")
                .when().post("/purchases/" + id + "/pledges").then().statusCode(200)
                .body("totals.interestedLabs", equalTo(1));
        for (String status : new String[] { "agreed", "ordered" }) {
            as(Tokens.staff("soest")).contentType("application/json").body("{\"status\": \"" + status + "\"}")
                    .when().post("/purchases/" + id + "/status").then().statusCode(200).body("status", equalTo(status));
        }
        List<String> bought = as(Tokens.staff("soest")).contentType("application/json").body("{\"status\": \"received\"}")
                .when().post("/purchases/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("received")).body("items", hasSize(3)).extract().path("items");

        var owners = items.list("purchaseId", UUID.fromString(id)).stream().map(i -> i.lab.slug).sorted().toList();
        assertThat(owners).containsExactly("freiraum-arnsberg", "stadtlabor-soest", "stadtlabor-soest");
        as(Tokens.staff("arnsberg")).when().get("/items/" + bought.get(0)).then().statusCode(200)
                .body("category", equalTo("tablet")).body("condition", equalTo("new"));
        as(Tokens.admin("soest")).queryParam("target", "purchase:" + id).when().get("/audit-events")
                .then().body("items.action", contains("purchase.received", "purchase.ordered", "purchase.agreed",
                        "purchase.interest", "purchase.pledge", "purchase.propose"));
    }

    @Test
    void invalidTransitionsPledgesOnClosedProposalsAndBadAmountsAreRefused() {
        String id = propose(Tokens.staff("soest"), proposal("stadtlabor-soest", 2, "tablet", LocalDate.now().plusDays(20)));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body("{\"status\": \"received\"}").when().post("/purchases/" + id + "/status").then().statusCode(409);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"kind\": \"pledge\", \"amount\": -5}")
                .when().post("/purchases/" + id + "/pledges").then().statusCode(400).body("errors.field", contains("amount"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"kind\": \"pledge\"}")
                .when().post("/purchases/" + id + "/pledges").then().statusCode(400).body("errors.field", contains("amount"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"lab\": \"stadtlabor-soest\", \"kind\": \"interest\"}")
                .when().post("/purchases/" + id + "/pledges").then().statusCode(403);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"status\": \"agreed\"}").when().post("/purchases/" + id + "/status").then().statusCode(403);
        as(Tokens.staff("soest")).contentType("application/json").body("{\"status\": \"withdrawn\"}")
                .when().post("/purchases/" + id + "/status").then().statusCode(200);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"lab\": \"freiraum-arnsberg\", \"kind\": \"interest\"}")
                .when().post("/purchases/" + id + "/pledges").then().statusCode(409)
                .body("detail", equalTo("Der Vorschlag ist nicht mehr offen (Status withdrawn)."));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body(proposal("stadtlabor-soest", 2, "tablet", LocalDate.now().minusDays(1)))
                .when().post("/purchases").then().statusCode(400).body("errors.field", contains("decisionDeadline"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body(proposal("freiraum-arnsberg", 2, "tablet", LocalDate.now().plusDays(3)))
                .when().post("/purchases").then().statusCode(403);
    }

    @Test
    void openProposalsChangeWithTheirETag() {
        String id = propose(Tokens.staff("soest"), proposal("stadtlabor-soest", 2, "tablet", LocalDate.now().plusDays(20)));
        String etag = api().header("Authorization", "Bearer " + Tokens.staff("soest")).when().get("/purchases/" + id)
                .then().extract().header("ETag");
        as(Tokens.staff("soest")).header("If-Match", etag).contentType("application/json")
                .body(proposal("stadtlabor-soest", 4, "tablet", LocalDate.now().plusDays(25)))
                .when().put("/purchases/" + id).then().statusCode(200).body("quantity", equalTo(4));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).header("If-Match", etag)
                .contentType("application/json").body(proposal("stadtlabor-soest", 5, "tablet", LocalDate.now().plusDays(25)))
                .when().put("/purchases/" + id).then().statusCode(412);
    }
}
