package de.stadtlabore.access;

import static de.stadtlabore.support.Api.as;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;
import io.quarkus.test.junit.QuarkusTest;

/** Who the caller is: per-municipality providers, onboarding at run time, token checks. */
@QuarkusTest
class IdentityTest {

    @Inject
    ProviderDirectory directory;

    @Test
    void theIssuerDecidesTheMunicipality() {
        as(Tokens.admin("arnsberg")).when().get("/me")
                .then().statusCode(200)
                .body("authMethod", equalTo("oidc"))
                .body("municipality", equalTo("arnsberg"))
                .body("issuer", equalTo(Tokens.issuer("stadtlabore-arnsberg")))
                .body("roles", contains("lab-admin", "lab-staff"))
                .body("scopes", empty());
        as(Tokens.staff("soest")).when().get("/me")
                .then().body("municipality", equalTo("soest")).body("roles", contains("lab-staff"));
    }

    @Test
    void machinesAuthenticateWithClientCredentials() {
        as(Tokens.machine("menden")).when().get("/me")
                .then().statusCode(200)
                .body("municipality", equalTo("menden"))
                .body("roles", contains("lab-staff"));
    }

    @Test
    void networkAdminsComeFromTheNetworksProviderOnly() {
        as(Tokens.networkAdmin()).when().get("/me")
                .then().body("roles", contains("network-admin")).body("municipality", nullValue());
        String claimsNetworkAdmin = Tokens.mint("stadtlabore-soest", "soest-staff",
                Map.of("realm_access", Map.of("roles", java.util.List.of("network-admin"))), "realm");
        as(claimsNetworkAdmin).when().get("/me").then().statusCode(200).body("roles", empty());
    }

    @Test
    void aMunicipalityOnboardedAtRunTimeIsTrustedAtOnce() {
        String realm = Unique.slug("stadtlabore-lippstadt");
        String slug = Unique.slug("test-lippstadt");
        Tokens.createRealm(Fixtures.realm(realm, "lippstadt"));
        String token = Tokens.password(realm, "lippstadt-admin");
        wrongRequest().header("Authorization", "Bearer " + token).when().get("/me").then().statusCode(401);

        as(Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.municipality(slug, Tokens.issuer(realm), "https://lippstadt.example.org"))
                .when().post("/municipalities").then().statusCode(201);

        as(token).when().get("/me").then().statusCode(200).body("municipality", equalTo(slug))
                .body("roles", contains("lab-admin", "lab-staff"));
    }

    @Test
    void aSharedProviderNamesTheMunicipalityInAClaim() {
        String realm = Unique.slug("kreis");
        String erwitte = Unique.slug("test-erwitte");
        String geseke = Unique.slug("test-geseke");
        Tokens.createRealm(Fixtures.realm(realm, "kreis"));
        String issuer = Tokens.issuer(realm);
        for (String slug : new String[] { erwitte, geseke }) {
            as(Tokens.networkAdmin()).contentType("application/json")
                    .body("""
                            {"slug": "%s", "name": "%s", "state": "Nordrhein-Westfalen",
                             "identityProviders": [{"issuer": "%s", "audience": "stadtlabore-api",
                               "municipalityClaim": "kommune"}]}
                            """.formatted(slug, slug, issuer))
                    .when().post("/municipalities").then().statusCode(201);
        }
        as(Tokens.mint(realm, "kreis-admin", Map.of("kommune", geseke), "realm")).when().get("/me")
                .then().statusCode(200).body("municipality", equalTo(geseke));
        wrongRequest().header("Authorization", "Bearer " + Tokens.mint(realm, "kreis-admin",
                Map.of("kommune", "test-anderswo"), "realm")).when().get("/me").then().statusCode(401);
        wrongRequest().header("Authorization", "Bearer " + Tokens.password(realm, "kreis-admin"))
                .when().get("/me").then().statusCode(401);
    }

    @Test
    void anIssuerCannotSilentlySpeakForTwoMunicipalities() {
        wrongRequest().header("Authorization", "Bearer " + Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.municipality(Unique.slug("test-doppelt"), Tokens.issuer("stadtlabore-soest"), "https://x.example.org"))
                .when().post("/municipalities")
                .then().statusCode(400).body("errors.field", contains("identityProviders[0].issuer"));
        wrongRequest().header("Authorization", "Bearer " + Tokens.networkAdmin()).contentType("application/json")
                .body(Fixtures.municipality(Unique.slug("test-netz"), Tokens.issuer("stadtlabore-netzwerk"), "https://x.example.org"))
                .when().post("/municipalities")
                .then().statusCode(400).body("errors.field", contains("identityProviders[0].issuer"));
    }

    @Test
    void signingKeysRotateWithoutRestart() {
        as(Tokens.mint("stadtlabore-iserlohn", "iserlohn-admin", Map.of(), "realm")).when().get("/me")
                .then().statusCode(200);
        Tokens.rotateKeys("stadtlabore-iserlohn");
        String rotated = Tokens.mint("stadtlabore-iserlohn", "iserlohn-admin", Map.of(), "realm");
        // The unknown key makes the service's next key check (its own schedule) fetch the new set.
        wrongRequest().header("Authorization", "Bearer " + rotated).when().get("/me");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            directory.reloadWithKeys();
            return wrongRequest().header("Authorization", "Bearer " + rotated).when().get("/me").statusCode() == 200;
        });
        as(rotated).when().get("/me").then().statusCode(200).body("municipality", equalTo("iserlohn"));
    }

    @Test
    void malformedTruncatedAndOversizedTokensAreUnauthorized() {
        String good = Tokens.admin("arnsberg");
        for (String bad : new String[] { "x", "a.b", "a.b.c", good.substring(0, good.length() - 10),
                good.substring(0, good.lastIndexOf('.')), "eyJ" + "A".repeat(12_000), good + "x" }) {
            wrongRequest().header("Authorization", "Bearer " + bad).when().get("/me")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:stadtlabore:problem:unauthorized"));
        }
        wrongRequest().header("Authorization", "Basic YWRtaW46YWRtaW4=").when().get("/me").then().statusCode(401);
    }

}
