package de.stadtlabore.inventory;

import static de.stadtlabore.support.Api.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Race;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** No item is ever promised twice, however many labs ask at the same moment. */
@QuarkusTest
class DoubleBookingTest {

    static final int PARALLEL = 60;

    @Inject
    ReservationRepository reservations;

    @Inject
    javax.sql.DataSource dataSource;

    /** The guarantee lives in the database, so it holds for any number of service replicas. */
    @Test
    void theDatabaseItselfRefusesOverlapsButNotBackToBackPeriods() throws Exception {
        String item = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-DB"), "camera", "network");
        String insert = "insert into reservation (id, item_id, kind, starts_at, ends_at, status, requested_by, purpose)"
                + " values (gen_random_uuid(), ?::uuid, 'maintenance', ?::timestamptz, ?::timestamptz, 'scheduled', 'test', 'test')";
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(insert)) {
            statement.setString(1, item);
            statement.setString(2, "2031-06-12T08:00:00Z");
            statement.setString(3, "2031-06-12T12:00:00Z");
            statement.executeUpdate();
            statement.setString(2, "2031-06-12T12:00:00Z");
            statement.setString(3, "2031-06-12T16:00:00Z");
            statement.executeUpdate();
            statement.setString(2, "2031-06-12T11:59:59Z");
            statement.setString(3, "2031-06-12T12:00:01Z");
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(java.sql.SQLException.class,
                    statement::executeUpdate).getSQLState()).isEqualTo("23P01");
        }
    }

    @Test
    void sixtySimultaneousOverlappingRequestsYieldExactlyOneBooking() throws Exception {
        String item = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-RACE"), "vr-headset", "network");
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(40);
        String[][] borrowers = { { "menden", "zukunftswerkstadt-menden" }, { "iserlohn", "waldstadtlabor-iserlohn" },
                { "arnsberg", "freiraum-arnsberg" }, { "soest", "stadtlabor-soest" } };
        for (String[] borrower : borrowers) {
            Tokens.staff(borrower[0]); // fetch tokens before the race
        }
        List<Integer> statuses = Race.run(PARALLEL, i -> {
            String[] borrower = borrowers[i % borrowers.length];
            // Every period overlaps every other one: all contain [base + 5h, base + 6h).
            OffsetDateTime from = base.plusMinutes(i % 5 * 60L);
            OffsetDateTime to = base.plusHours(6).plusMinutes(i % 7 * 30L);
            return api().header("Authorization", "Bearer " + Tokens.staff(borrower[0]))
                    .contentType("application/json").body(Fixtures.loan(item, borrower[1], from, to))
                    .when().post("/reservations").then().extract().statusCode();
        });

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(reservations.count("item.id = ?1 and status in ?2", UUID.fromString(item),
                ReservationStatus.BLOCKING)).isEqualTo(1);
    }
}
