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

    /** An item body for {@code POST /items} and {@code PUT /items/{id}}. */
    public static String item(String lab, String inventoryNumber, String category, String sharing, boolean isPublic,
            String status) {
        return """
                {"lab": "%s", "name": "Testgerät %s", "description": "Ein Gerät für Tests.", "category": "%s",
                 "inventoryNumber": "%s", "condition": "good", "accessories": ["Kabel"],
                 "replacementValue": {"amount": 499.00, "currency": "EUR"}, "sharing": "%s", "public": %s,
                 "status": "%s",
                 "lendingTerms": {"maxLoanDays": 14, "minNoticeHours": 0, "deposit": {"amount": 50, "currency": "EUR"},
                   "briefingRequired": false, "pickupNotes": "Am Empfang"}}
                """.formatted(lab, inventoryNumber, category, inventoryNumber, sharing, isPublic, status);
    }

    /** Creates an item as the given staff member and returns its id. */
    public static String createItem(String staffToken, String lab, String inventoryNumber, String category,
            String sharing) {
        return as(staffToken).contentType("application/json")
                .body(item(lab, inventoryNumber, category, sharing, false, "available"))
                .when().post("/items").then().statusCode(201).extract().path("id");
    }

    /** A loan request body. */
    public static String loan(String item, String borrowerLab, OffsetDateTime start, OffsetDateTime end) {
        return """
                {"item": "%s", "borrowerLab": "%s", "startsAt": "%s", "endsAt": "%s", "purpose": "Workshop"}
                """.formatted(item, borrowerLab, rfc3339(start), rfc3339(end));
    }

    /** RFC 3339 with seconds (OffsetDateTime.toString() drops zero seconds). */
    public static String rfc3339(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** Requests a loan as the given staff member and returns its id. */
    public static String requestLoan(String staffToken, String item, String borrowerLab, OffsetDateTime start,
            OffsetDateTime end) {
        return as(staffToken).contentType("application/json").body(loan(item, borrowerLab, start, end))
                .when().post("/reservations").then().statusCode(201).extract().path("id");
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
