package de.stadtlabore.inventory;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Sessions;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The lending flow between labs, and everything that must be refused. */
@QuarkusTest
class LendingTest {

    static final OffsetDateTime DAY = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(30);

    @Inject
    ReservationRepository reservations;

    @Inject
    ItemRepository items;

    @Inject
    InventoryJobs jobs;

    /** A network-shared VR headset of Soest, under an inventory number of its own. */
    static String soestItem(String number) {
        return soestItem(number, "vr-headset");
    }

    static String soestItem(String number, String category) {
        return Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", number, category, "network");
    }

    static RequestSpecification post(String token, Object body) {
        return as(token).contentType("application/json").body(body);
    }

    @Test
    void aLabBorrowsFromAnotherMunicipalityWithTheOwnersApproval() {
        String item = soestItem(Unique.name("TEST-FLOW"));
        String loan = Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY,
                DAY.plusDays(2));
        as(Tokens.staff("menden")).when().get("/reservations/" + loan).then().statusCode(200)
                .body("status", equalTo("requested"))
                .body("decisionDueAt", notNullValue())
                .body("borrowerLab.slug", equalTo("zukunftswerkstadt-menden"));

        // The borrower cannot approve its own request; the owner can.
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden"))
                .when().post("/reservations/" + loan + "/approve").then().statusCode(403);
        as(Tokens.staff("soest")).when().post("/reservations/" + loan + "/approve")
                .then().statusCode(200).body("status", equalTo("approved"));
        as(Tokens.staff("soest")).when().post("/reservations/" + loan + "/hand-over")
                .then().statusCode(200).body("status", equalTo("handed-over"));
        post(Tokens.staff("soest"), "{\"condition\": \"fair\", \"damageReport\": \"Kratzer auf der Linse\"}")
                .when().post("/reservations/" + loan + "/return")
                .then().statusCode(200)
                .body("status", equalTo("returned"))
                .body("returnCondition", equalTo("fair"))
                .body("damageReport", equalTo("Kratzer auf der Linse"));

        // The damage report sent the item into maintenance: nobody can book it now.
        api().header("Authorization", "Bearer " + Tokens.staff("soest")).when().get("/items/" + item)
                .then().body("status", equalTo("maintenance")).body("condition", equalTo("fair"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).contentType("application/json")
                .body(Fixtures.loan(item, "zukunftswerkstadt-menden", DAY.plusDays(5), DAY.plusDays(6)))
                .when().post("/reservations").then().statusCode(409);

        as(Tokens.admin("soest")).queryParam("target", "reservation:" + loan).when().get("/audit-events")
                .then().body("items.action", contains("loan.return", "loan.hand-over", "loan.approve", "loan.request"));
    }

    @Test
    void ownMunicipalityLoansAreApprovedAtOnce() {
        String item = soestItem(Unique.name("TEST-OWN"));
        as(Tokens.staff("soest")).contentType("application/json")
                .body(Fixtures.loan(item, "stadtlabor-soest", DAY, DAY.plusDays(1)))
                .when().post("/reservations").then().statusCode(201).body("status", equalTo("approved"));
    }

    @Test
    void overlappingPeriodsAreRefusedWithConflictsAndAlternativesButBackToBackIsFine() {
        // A category of this test's own: the alternatives offered are exactly the ones it made.
        String category = Unique.slug("headset");
        String item = soestItem(Unique.name("TEST-CLASH"), category);
        String alternative = Fixtures.createItem(Tokens.staff("arnsberg"), "freiraum-arnsberg", Unique.name("TEST-ALT"),
                category, "network");
        Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY.plusHours(8),
                DAY.plusHours(12));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("iserlohn")).contentType("application/json")
                .body(Fixtures.loan(item, "waldstadtlabor-iserlohn", DAY.plusHours(11), DAY.plusHours(14)))
                .when().post("/reservations")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("conflicts", hasSize(1))
                .body("conflicts[0].startsAt", notNullValue())
                // Iserlohn may not learn who borrows or why.
                .body("conflicts[0].purpose", nullValue())
                .body("conflicts[0].borrowerLab", nullValue())
                .body("alternatives.item.id", hasItem(alternative))
                .body("alternatives.item.id", not(hasItem(item)));
        // Ends at 12:00, starts at 12:00: no clash.
        Fixtures.requestLoan(Tokens.staff("iserlohn"), item, "waldstadtlabor-iserlohn", DAY.plusHours(12),
                DAY.plusHours(14));
    }

    @Test
    void maintenanceBlocksTheItemLikeALoan() {
        String item = soestItem(Unique.name("TEST-MAINT"));
        post(Tokens.staff("soest"), "{\"startsAt\": \"" + Fixtures.rfc3339(DAY) + "\", \"endsAt\": \""
                + Fixtures.rfc3339(DAY.plusDays(2)) + "\", \"reason\": \"Firmware\"}")
                .when().post("/items/" + item + "/maintenance").then().statusCode(201)
                .body("kind", equalTo("maintenance")).body("status", equalTo("scheduled"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).contentType("application/json")
                .body(Fixtures.loan(item, "zukunftswerkstadt-menden", DAY.plusDays(1), DAY.plusDays(3)))
                .when().post("/reservations").then().statusCode(409);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).contentType("application/json")
                .body("{\"startsAt\": \"" + Fixtures.rfc3339(DAY) + "\", \"endsAt\": \"" + Fixtures.rfc3339(DAY.plusDays(1))
                        + "\", \"reason\": \"x\"}")
                .when().post("/items/" + item + "/maintenance").then().statusCode(403);
    }

    @Test
    void cancelling() {
        String item = soestItem(Unique.name("TEST-CANCEL"));
        String byBorrower = Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY,
                DAY.plusDays(1));
        post(Tokens.staff("menden"), "{}").when().post("/reservations/" + byBorrower + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"));
        String byOwner = Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY,
                DAY.plusDays(1));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body("{}").when().post("/reservations/" + byOwner + "/cancel")
                .then().statusCode(400).body("errors.field", contains("reason"));
        post(Tokens.staff("soest"), "{\"reason\": \"Gerät wird selbst gebraucht\"}")
                .when().post("/reservations/" + byOwner + "/cancel")
                .then().statusCode(200).body("cancelReason", equalTo("Gerät wird selbst gebraucht"));
        // A third municipality does not see the loan at all.
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("arnsberg")).contentType("application/json")
                .body("{\"reason\": \"x\"}").when().post("/reservations/" + byOwner + "/cancel").then().statusCode(404);
    }

    @Test
    void invalidTransitionsAreRefusedAndChangeNothing() {
        String item = soestItem(Unique.name("TEST-TRANS"));
        String loan = Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY,
                DAY.plusDays(1));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json")
                .body("{\"condition\": \"good\"}").when().post("/reservations/" + loan + "/return")
                .then().statusCode(409).body("detail", equalTo("Der Status kann nicht von requested zu returned wechseln."));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest"))
                .when().post("/reservations/" + loan + "/hand-over").then().statusCode(409);
        post(Tokens.staff("soest"), "{\"reason\": \"Zu kurzfristig\"}").when().post("/reservations/" + loan + "/reject")
                .then().statusCode(200).body("status", equalTo("rejected"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest"))
                .when().post("/reservations/" + loan + "/approve").then().statusCode(409);
        as(Tokens.staff("soest")).when().get("/reservations/" + loan).then().body("status", equalTo("rejected"));
    }

    @Test
    void badPeriodsAndUnknownThingsAreClearProblems() {
        String item = soestItem(Unique.name("TEST-BAD"));
        String menden = Tokens.staff("menden");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Object[][] cases = {
                { DAY.plusDays(1), DAY, "endsAt" },                       // end before start
                { DAY, DAY, "endsAt" },                                   // zero length
                { DAY, DAY.plusDays(15), "endsAt" },                      // longer than 14 days
                { now.minusDays(2), now.minusDays(1), "startsAt" },       // in the past
        };
        for (Object[] c : cases) {
            wrongRequest().header("Authorization", "Bearer " + menden).contentType("application/json")
                    .body(Fixtures.loan(item, "zukunftswerkstadt-menden", (OffsetDateTime) c[0], (OffsetDateTime) c[1]))
                    .when().post("/reservations")
                    .then().statusCode(400).body("errors.field", contains(c[2]));
        }
        wrongRequest().header("Authorization", "Bearer " + menden).contentType("application/json")
                .body(Fixtures.loan(UUID.randomUUID().toString(), "zukunftswerkstadt-menden", DAY, DAY.plusDays(1)))
                .when().post("/reservations").then().statusCode(404);
        wrongRequest().header("Authorization", "Bearer " + menden).contentType("application/json")
                .body(Fixtures.loan(item, "stadtlabor-soest", DAY, DAY.plusDays(1)))
                .when().post("/reservations").then().statusCode(403);
        wrongRequest().header("Authorization", "Bearer " + menden).contentType("application/json")
                .body(Fixtures.loan(item, "nirgendwo", DAY, DAY.plusDays(1)))
                .when().post("/reservations").then().statusCode(400).body("errors.field", contains("borrowerLab"));
        assertThat(reservations.count("item.id", UUID.fromString(item))).isZero();
    }

    @Test
    void minimumNoticeIsEnforced() {
        String number = Unique.name("TEST-NOTICE");
        String item = soestItem(number);
        String etag = api().header("Authorization", "Bearer " + Tokens.staff("soest")).when().get("/items/" + item)
                .then().extract().header("ETag");
        as(Tokens.staff("soest")).header("If-Match", etag).contentType("application/json")
                .body(Fixtures.item("stadtlabor-soest", number, "vr-headset", "network", false, "available")
                        .replace("\"minNoticeHours\": 0", "\"minNoticeHours\": 72"))
                .when().put("/items/" + item).then().statusCode(200);
        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).contentType("application/json")
                .body(Fixtures.loan(item, "zukunftswerkstadt-menden", tomorrow, tomorrow.plusHours(3)))
                .when().post("/reservations").then().statusCode(400).body("errors.field", contains("startsAt"));
    }

    @Test
    void retiredItemsCannotBeBookedAndItemsWithBookingsCannotBeRetired() {
        String number = Unique.name("TEST-RETIRE");
        String item = soestItem(number);
        Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY, DAY.plusDays(1));
        String etag = api().header("Authorization", "Bearer " + Tokens.staff("soest")).when().get("/items/" + item)
                .then().extract().header("ETag");
        String retired = Fixtures.item("stadtlabor-soest", number, "vr-headset", "network", false, "retired");
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("soest")).header("If-Match", etag)
                .contentType("application/json").body(retired).when().put("/items/" + item)
                .then().statusCode(409).body("conflicts", hasSize(1));

        String other = soestItem(number + "-2");
        String otherEtag = api().header("Authorization", "Bearer " + Tokens.staff("soest")).when().get("/items/" + other)
                .then().extract().header("ETag");
        as(Tokens.staff("soest")).header("If-Match", otherEtag).contentType("application/json")
                .body(retired.replace(number, number + "-2")).when().put("/items/" + other)
                .then().statusCode(200).body("status", equalTo("retired"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden")).contentType("application/json")
                .body(Fixtures.loan(other, "zukunftswerkstadt-menden", DAY, DAY.plusDays(1)))
                .when().post("/reservations").then().statusCode(409)
                .body("detail", equalTo("Das Gerät kann jetzt nicht verliehen werden: sein Status ist retired."));
    }

    @Test
    void undecidedRequestsExpireAndOverdueLoansAreFlagged() {
        String item = soestItem(Unique.name("TEST-JOBS"));
        String pending = Fixtures.requestLoan(Tokens.staff("menden"), item, "zukunftswerkstadt-menden", DAY,
                DAY.plusDays(1));
        String late = Fixtures.requestLoan(Tokens.staff("soest"), item, "stadtlabor-soest", DAY.plusDays(3),
                DAY.plusDays(4));
        as(Tokens.staff("soest")).when().post("/reservations/" + late + "/hand-over").then().statusCode(200);
        backdate(UUID.fromString(pending), UUID.fromString(late));

        assertThat(jobs.expireUndecidedRequests()).isGreaterThanOrEqualTo(1);
        assertThat(jobs.flagOverdueLoans()).isGreaterThanOrEqualTo(1);

        as(Tokens.staff("menden")).when().get("/reservations/" + pending).then().body("status", equalTo("expired"));
        as(Tokens.staff("soest")).when().get("/reservations/" + late).then().body("overdue", equalTo(true));
        // The expired request no longer blocks the period.
        Fixtures.requestLoan(Tokens.staff("iserlohn"), item, "waldstadtlabor-iserlohn", DAY, DAY.plusDays(1));
    }

    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A booking and a change of its item do not overtake each other: while another client retires
     * the item (played by a database session that holds it), a request for it waits, then sees
     * the item retired. Before, both went through and the retired item stayed booked.
     */
    @Test
    void aRequestWaitsForTheItemBeingRetiredAndThenIsRefused() throws Exception {
        String item = soestItem(Unique.name("TEST-RACE-RETIRE"));
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var other = dataSource.getConnection(); var watcher = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var hold = other.prepareStatement("select id from item where id = ?::uuid for update")) {
                hold.setString(1, item);
                hold.executeQuery();
            }
            var request = pool.submit(() -> wrongRequest().header("Authorization", "Bearer " + Tokens.staff("menden"))
                    .contentType("application/json")
                    .body(Fixtures.loan(item, "zukunftswerkstadt-menden", DAY.plusDays(20), DAY.plusDays(21)))
                    .when().post("/reservations").then().extract().statusCode());
            Sessions.awaitRequestWaitingForALock(watcher);
            try (var retire = other.prepareStatement("update item set status = 'retired', version = version + 1"
                    + " where id = ?::uuid")) {
                retire.setString(1, item);
                retire.executeUpdate();
            }
            other.commit();
            assertThat(request.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reservations.count("item.id", UUID.fromString(item))).isZero();
    }

    @Transactional
    void backdate(UUID pending, UUID late) {
        reservations.findById(pending).decisionDueAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        Reservation loan = reservations.findById(late);
        loan.startsAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(3);
        loan.endsAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
    }
}
