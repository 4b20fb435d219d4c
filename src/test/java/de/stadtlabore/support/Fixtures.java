package de.stadtlabore.support;

import static de.stadtlabore.support.Api.as;

import java.time.OffsetDateTime;
import java.util.List;

/** Test data created through the API itself, as its users would. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A lab body for {@code POST /labs} and {@code PUT /labs/{slug}}. */
    public static String lab(String slug, String municipality, String notes) {
        return """
                {"slug": "%s", "name": "Testlabor %s", "municipality": "%s",
                 "description": "Ein Labor für Tests.",
                 "address": {"street": "Teststraße 1", "postalCode": "59755", "city": "Arnsberg"},
                 "coordinates": {"latitude": 51.45, "longitude": 7.96},
                 "openingHours": {"regular": [{"weekday": "monday", "opens": "10:00", "closes": "12:00"}], "notes": "%s"},
                 "accessibility": {"stepFreeAccess": true, "hearingLoop": false, "accessibleToilet": true}}
                """.formatted(slug, slug, municipality, notes);
    }

    /** A municipality body trusting one issuer. */
    public static String municipality(String slug, String issuer, String website) {
        return """
                {"slug": "%s", "name": "Kommune %s", "state": "Nordrhein-Westfalen", "website": "%s",
                 "identityProviders": [{"issuer": "%s", "audience": "stadtlabore-api"}]}
                """.formatted(slug, slug, website, issuer);
    }

    /** A realm export for the embedded identity provider, with an admin and a staff member. */
    public static String realm(String name, String prefix) {
        return """
                {"realm": "%1$s", "enabled": true,
                 "clients": [{"clientId": "stadtlabore-frontend", "publicClient": true,
                   "protocolMappers": [{"protocolMapper": "oidc-audience-mapper",
                     "config": {"included.custom.audience": "stadtlabore-api"}}]}],
                 "users": [
                   {"username": "%2$s-admin", "email": "admin@%2$s.example.org", "firstName": "A", "lastName": "Admin",
                    "credentials": [{"type": "password", "value": "demo"}], "realmRoles": ["lab-admin", "lab-staff"]},
                   {"username": "%2$s-staff", "email": "team@%2$s.example.org", "firstName": "S", "lastName": "Staff",
                    "credentials": [{"type": "password", "value": "demo"}], "realmRoles": ["lab-staff"]}]}
                """.formatted(name, prefix);
    }

    /** Creates an API key as the given lab-admin and returns its secret. */
    public static String apiKey(String adminToken, List<String> scopes) {
        return apiKeyResponse(adminToken, scopes).secret();
    }

    public record CreatedKey(String id, String secret) {
    }

    public static CreatedKey apiKeyResponse(String adminToken, List<String> scopes) {
        var body = as(adminToken).contentType("application/json")
                .body(java.util.Map.of("name", "Testschlüssel", "scopes", scopes,
                        "expiresAt", OffsetDateTime.now().plusDays(30).toString()))
                .when().post("/api-keys").then().statusCode(201).extract();
        return new CreatedKey(body.path("key.id"), body.path("secret"));
    }
}
