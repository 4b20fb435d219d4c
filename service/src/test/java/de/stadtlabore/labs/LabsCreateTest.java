package de.stadtlabore.labs;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Race;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LabsCreateTest {

    static final String ADMIN = Tokens.networkAdmin();

    @Inject
    LabRepository labs;

    static String body(String slug) {
        return """
                {
                  "slug": "%s",
                  "name": "stadtLABOR Lippstadt",
                  "municipality": "soest",
                  "description": "Ein neues Labor für die Smart City.",
                  "address": {"street": "Rathausstraße 1", "postalCode": "59555", "city": "Lippstadt"},
                  "coordinates": {"latitude": 51.6739, "longitude": 8.3447},
                  "openingHours": {"regular": [
                    {"weekday": "friday", "opens": "14:00", "closes": "18:00"},
                    {"weekday": "monday", "opens": "09:00", "closes": "12:00"}
                  ], "notes": "Nach Vereinbarung."},
                  "contact": {"email": "lab@lippstadt.example.org", "website": "https://lippstadt.example.org"},
                  "topics": ["Smart City", "Mobilität"],
                  "accessibility": {"stepFreeAccess": true, "hearingLoop": false, "accessibleToilet": true}
                }
                """.formatted(slug);
    }

    @Test
    void aNetworkAdminCreatesALabThatEveryoneCanThenRead() {
        String slug = Unique.slug("test-lippstadt");
        String location = api().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body(body(slug))
                .when().post("/labs")
                .then().statusCode(201)
                .header("Location", endsWith("/labs/" + slug))
                .body("slug", equalTo(slug))
                .body("municipality.name", equalTo("Soest"))
                // Regular hours come back in calendar order.
                .body("openingHours.regular.weekday", contains("monday", "friday"))
                .extract().header("Location");

        api().when().get(location).then().statusCode(200).body("name", equalTo("stadtLABOR Lippstadt"));
        api().queryParam("municipality", "soest").when().get("/labs")
                .then().body("items.slug", hasItem(slug));
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        String slug = Unique.slug("test-anonymous");
        var challenges = wrongRequest().contentType("application/json").body(body(slug))
                .when().post("/labs")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:unauthorized"))
                .extract().headers().getValues("WWW-Authenticate");
        assertThat(challenges).containsExactly("Bearer", "ApiKey header=\"X-API-Key\"");
        assertThat(labs.existsBySlug(slug)).isFalse();
    }

    @Test
    void aBrokenTokenIsUnauthorizedNotAnError() {
        String slug = Unique.slug("test-broken-token");
        api().header("Authorization", "Bearer " + "not.a.jwt").contentType("application/json").body(body(slug))
                .when().post("/labs")
                .then().statusCode(401)
                .body("type", equalTo("urn:stadtlabore:problem:unauthorized"));
    }

    @Test
    void staffWithoutTheNetworkAdminRoleMayNotCreateLabs() {
        String slug = Unique.slug("test-staff");
        api().header("Authorization", "Bearer " + Tokens.staff("soest")).contentType("application/json").body(body(slug))
                .when().post("/labs")
                .then().statusCode(403)
                .body("type", equalTo("urn:stadtlabore:problem:forbidden"));
        assertThat(labs.existsBySlug(slug)).isFalse();
    }

    @Test
    void aTakenSlugIsAConflict() {
        api().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body(body("stadtlabor-soest"))
                .when().post("/labs")
                .then().statusCode(409)
                .body("type", equalTo("urn:stadtlabore:problem:conflict"))
                .body("detail", equalTo("Ein Labor mit dem Slug „stadtlabor-soest“ gibt es bereits."));
    }

    @Test
    void concurrentCreatesOfOneSlugYieldExactlyOneLab() throws Exception {
        String slug = Unique.slug("test-race");
        List<Integer> results = Race.run(24, n -> api().header("Authorization", "Bearer " + ADMIN)
                .contentType("application/json").body(body(slug)).when().post("/labs").then().extract().statusCode());
        assertThat(results).containsOnly(201, 409);
        assertThat(results).filteredOn(s -> s == 201).hasSize(1);
        assertThat(labs.count("slug", slug)).isEqualTo(1);
    }

    @Test
    void reportsEveryInvalidFieldAtOnceAndStoresNothing() {
        String slug = Unique.slug("test-invalid");
        String invalid = body(slug)
                .replace("\"59555\"", "\"5955\"")
                .replace("51.6739", "91.0")
                .replace("\"name\": \"stadtLABOR Lippstadt\"", "\"name\": \" \"")
                .replace("\"lab@lippstadt.example.org\"", "\"not-an-address\"");
        wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").header("Accept-Language", "en").body(invalid)
                .when().post("/labs")
                .then().statusCode(400)
                .body("type", equalTo("urn:stadtlabore:problem:validation-failed"))
                .body("title", equalTo("Invalid input"))
                .body("errors.field", contains("address.postalCode", "contact.email", "coordinates.latitude", "name"));
        assertThat(labs.existsBySlug(slug)).isFalse();
    }

    @Test
    void checksRulesThatSpanFields() {
        String slug = Unique.slug("test-hours");
        String invalid = body(slug)
                .replace("\"municipality\": \"soest\"", "\"municipality\": \"lippstadt\"")
                .replace("\"opens\": \"14:00\", \"closes\": \"18:00\"", "\"opens\": \"18:00\", \"closes\": \"14:00\"");
        wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body(invalid)
                .when().post("/labs")
                .then().statusCode(400)
                .body("errors.field", contains("municipality", "openingHours.regular[0].closes"))
                .body("errors.message", contains("unbekannte Kommune", "muss nach opens liegen"));
    }

    @Test
    void idsInTheBodyCannotBeSmuggledIn() {
        String slug = Unique.slug("test-with-id");
        String withId = body(slug).replaceFirst("\\{", "{\"id\": \"1b000000-0000-4000-8000-000000000004\",");
        wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body(withId)
                .when().post("/labs")
                .then().statusCode(400)
                .body("errors.field", contains("id"))
                .body("errors.message", contains("unbekanntes Feld"));
        api().when().get("/labs/stadtlabor-soest").then().body("slug", not(equalTo(slug)));
    }

}
