package de.stadtlabore.privacy;

import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.stadtlabore.common.security.Secrets;
import de.stadtlabore.support.Sql;
import de.stadtlabore.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A municipality's data protection officer looks up, exports and erases an address in the
 * registrations of the municipality's events; every such access is on record for the other
 * officers, under a hash of the address.
 */
@QuarkusTest
class PrivacyOfficeTest {

    @Inject
    DataSource dataSource;

    long count(String sql) throws Exception {
        return Sql.count(dataSource, sql);
    }

    @Test
    void theOfficerExportsAndErasesTheMunicipalitysRegistrationsOnlyAndEveryAccessIsOnRecord() throws Exception {
        String email = PrivacyTest.address();
        String soest = PrivacyTest.register(PrivacyTest.event("soest", "stadtlabor-soest", 10), email).path("id");
        String arnsberg = PrivacyTest.register(PrivacyTest.event("arnsberg", "freiraum-arnsberg", 10), email).path("id");
        String officer = Tokens.privacyOfficer("soest");

        as(officer).contentType("application/json").body(Map.of("email", email.toUpperCase(java.util.Locale.ROOT)))
                .when().post("/municipalities/soest/privacy/exports").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("registrations.size()", equalTo(1))
                .body("registrations[0].id", equalTo(soest))
                .body("registrations[0].name", equalTo("Erika Muster"))
                .body("consentTexts.version", hasItem("1"));

        as(officer).contentType("application/json").body(Map.of("email", email))
                .when().post("/municipalities/soest/privacy/erasures").then().statusCode(200)
                .body("cancelledRegistrations", equalTo(1)).body("erasedRegistrations", equalTo(1));
        assertThat(count("select count(*) from registration where id = '" + soest + "' and email is null"
                + " and status = 'cancelled'")).isOne();
        assertThat(count("select count(*) from registration where id = '" + arnsberg + "' and email is not null"))
                .as("another municipality's registration is not the officer's to erase").isOne();

        // On record for the municipality's other officers: under a hash of the address, never the address.
        String hash = Secrets.sha256Hex(email);
        String otherOfficer = Tokens.mint("stadtlabore-soest", "soest-datenschutz",
                Map.of("sub", "zweite-datenschutz-" + java.util.UUID.randomUUID()), "realm");
        as(otherOfficer).when().get("/audit-events?target=address:" + hash).then().statusCode(200)
                .body("items.action", equalTo(List.of("privacy.officer-erase", "privacy.officer-export")))
                .body("items.actor.name", everyItem(startsWith("Dana")))
                .body("items.municipality", everyItem(equalTo("soest")));
        // A lab admin does not: they could test guessed addresses against the hashes.
        as(Tokens.admin("soest")).when().get("/audit-events?target=address:" + hash).then().statusCode(200)
                .body("totalItems", equalTo(0));
        // Officers read accesses to personal data only, not the rest of the municipality's log.
        as(officer).when().get("/audit-events?size=100").then().statusCode(200)
                .body("items.action", everyItem(startsWith("privacy.")));
        assertThat(count("select count(*) from audit_event a where position(lower('" + email
                + "') in lower(row_to_json(a)::text)) > 0")).isZero();
    }

    @Test
    void noOneElseMay() {
        String body = "{\"email\": \"jemand@example.org\"}";
        as(Tokens.privacyOfficer("arnsberg")).contentType("application/json").body(body)
                .when().post("/municipalities/soest/privacy/exports").then().statusCode(403);
        as(Tokens.admin("soest")).contentType("application/json").body(body)
                .when().post("/municipalities/soest/privacy/erasures").then().statusCode(403);
        as(Tokens.networkAdmin()).contentType("application/json").body(body)
                .when().post("/municipalities/soest/privacy/exports").then().statusCode(403);
        wrongRequest().contentType("application/json").body(body)
                .when().post("/municipalities/soest/privacy/exports").then().statusCode(401);
        as(Tokens.privacyOfficer("soest")).contentType("application/json").body(body)
                .when().post("/municipalities/gibt-es-nicht/privacy/exports").then().statusCode(404);
        // An officer is no lab-staff: the municipality's other data stays closed.
        wrongRequest().header("Authorization", "Bearer " + Tokens.privacyOfficer("soest"))
                .when().get("/reservations").then().statusCode(403);
    }
}
