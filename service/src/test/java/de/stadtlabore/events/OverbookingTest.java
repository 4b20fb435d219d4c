package de.stadtlabore.events;

import static de.stadtlabore.support.Api.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Race;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Never overbooked: 200 registrations for 20 seats racing each other, then cancellations racing
 * new registrations. More run at once than the service has database connections (16): those
 * with one wait for the same occurrence's lock, the others for a connection.
 */
@QuarkusTest
class OverbookingTest {

    static final int AT_ONCE = 30;

    @Inject
    RegistrationRepository registrations;

    @Test
    void twoHundredSimultaneousRegistrationsForTwentySeats() throws Exception {
        String event = RegistrationTest.event(20, "", RegistrationTest.START);
        String path = RegistrationTest.path(event, RegistrationTest.START);
        List<Callable<String[]>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String email = "person" + i + "@example.org";
            tasks.add(() -> {
                var response = api().contentType("application/json")
                        .body(Map.of("name", "Person", "email", email, "consent", true)).when().post(path)
                        .then().statusCode(201).extract();
                return new String[] { response.path("id"), response.path("status"), response.path("cancelToken") };
            });
        }
        List<String[]> created = Race.run(tasks, AT_ONCE);
        assertThat(created).filteredOn(r -> r[1].equals("confirmed")).hasSize(20);
        assertSeats(event, 20, 180);

        // Ten confirmed registrants cancel while thirty more people register.
        List<Callable<String[]>> race = new ArrayList<>();
        created.stream().filter(r -> r[1].equals("confirmed")).limit(10).forEach(r -> race.add(() -> {
            api().contentType("application/json").body(Map.of("token", r[2]))
                    .when().post("/registrations/" + r[0] + "/cancel").then().statusCode(200);
            return r;
        }));
        for (int i = 0; i < 30; i++) {
            String email = "late" + i + "@example.org";
            race.add(() -> new String[] { api().contentType("application/json")
                    .body(Map.of("name", "Spät", "email", email, "consent", true)).when().post(path)
                    .then().statusCode(201).extract().path("status") });
        }
        Race.run(race, AT_ONCE);
        // Exactly full again: the cancelled places went to the waiting list, first come first.
        assertSeats(event, 20, 200);
    }

    private void assertSeats(String event, int confirmed, int waitlisted) {
        UUID id = UUID.fromString(event);
        LocalDateTime occurrence = RegistrationTest.START;
        assertThat(registrations.confirmedSeats(id, occurrence)).isEqualTo(confirmed);
        assertThat(registrations.count("event.id = ?1 and occurrence = ?2 and status = ?3", id, occurrence,
                RegistrationStatus.WAITLISTED)).isEqualTo(waitlisted);
    }
}
