package de.stadtlabore.support;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.as;

/**
 * Municipalities of the packaged-service tests, onboarded through the API by the network admin
 * as in a real deployment: each with its Keycloak realm as identity provider and a lab
 * {@code stadtlabor-<municipality>}; onboarded by the first test that needs it.
 */
public final class Onboarding {

    private Onboarding() {
    }

    public static synchronized void municipality(String municipality) {
        if (api().when().get("/municipalities/" + municipality).then().extract().statusCode() == 200) {
            return;
        }
        String networkAdmin = KeycloakTokens.person("stadtlabore-netzwerk", "netzwerk-admin");
        as(networkAdmin).contentType("application/json")
                .body(Fixtures.municipality(municipality, KeycloakTokens.issuer("stadtlabore-" + municipality),
                        "https://" + municipality + ".example.org"))
                .when().post("/municipalities").then().statusCode(201);
        as(networkAdmin).contentType("application/json")
                .body(Fixtures.lab("stadtlabor-" + municipality, municipality, "Start"))
                .when().post("/labs").then().statusCode(201);
    }
}
