package de.stadtlabore.common;

import static de.stadtlabore.support.Api.undocumented;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every client mistake is an RFC 9457 problem in the caller's language — never a 500. */
@QuarkusTest
class ProblemDetailsTest {

    static final String ADMIN = Tokens.networkAdmin();

    static ValidatableResponse isProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:" + type))
                .body("status", equalTo(status))
                .body("title", not(equalTo("")))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at de.stadtlabore")));
    }

    /** A status filter the contract does not know used to answer an empty list; it is a mistake to name. */
    @Test
    void anUnknownWordOfAClosedSetInAQueryIsNamed() {
        isProblem(wrongRequest().queryParam("status", "lost").when().get("/items").then(), 400, "validation-failed")
                .body("errors.field", contains("status"))
                .body("errors[0].message", equalTo("muss einer dieser Werte sein: available, maintenance, retired"));
        isProblem(wrongRequest().queryParam("format", "zoom").when().get("/occurrences").then(), 400, "validation-failed")
                .body("errors.field", contains("format"));
        isProblem(wrongRequest().queryParam("status", "done").when().get("/projects").then(), 400, "validation-failed")
                .body("errors.field", contains("status"));
    }

    @Test
    void unknownRoute() {
        isProblem(undocumented().when().get("/nowhere").then(), 404, "not-found")
                .body("instance", equalTo("/nowhere"))
                .body("detail", equalTo("Unter /nowhere gibt es keine Ressource."));
    }

    @Test
    void unknownRouteUnderAKnownResource() {
        isProblem(undocumented().when().get("/labs/stadtlabor-soest/rooms").then(), 404, "not-found");
    }

    @Test
    void wrongMethodNamesTheAllowedOnes() {
        isProblem(undocumented().when().delete("/labs/stadtlabor-soest").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS, PUT")
                .body("detail", equalTo("Die Methode DELETE ist hier nicht erlaubt. Erlaubt: GET, HEAD, OPTIONS, PUT."));
        isProblem(undocumented().when().put("/labs").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS, POST");
    }

    @Test
    void unsupportedMediaType() {
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("text/plain").body("stadtLABOR")
                .when().post("/labs").then(), 415, "unsupported-media-type")
                .body("detail", startsWith("Das Format text/plain"));
    }

    @Test
    void notAcceptable() {
        isProblem(wrongRequest().accept("text/csv").when().get("/labs").then(), 406, "not-acceptable");
    }

    @Test
    void malformedJsonSaysWhere() {
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body("{\"slug\": \"x\",")
                .when().post("/labs").then(), 400, "malformed-body")
                .body("detail", equalTo("Der Anfrageinhalt ist kein wohlgeformtes JSON (Zeile 1, Spalte 14)."));
    }

    @Test
    void emptyBody() {
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body("")
                .when().post("/labs").then(), 400, "malformed-body")
                .body("detail", equalTo("Der Anfrageinhalt fehlt."));
    }

    @Test
    void wrongTypesNameTheField() {
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").header("Accept-Language", "en")
                .body("{\"coordinates\": {\"latitude\": \"north\", \"longitude\": 8.1}}")
                .when().post("/labs").then(), 400, "validation-failed")
                .body("errors.field", contains("coordinates.latitude"))
                .body("errors.message", contains("must be of type number"));
    }

    @Test
    void badEnumValueNamesTheChoices() {
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").header("Accept-Language", "en")
                .body("{\"openingHours\": {\"regular\": [{\"weekday\": \"funday\"}]}}")
                .when().post("/labs").then(), 400, "validation-failed")
                .body("errors.field", contains("openingHours.regular[0].weekday"))
                .body("errors[0].message", containsString("monday"));
    }

    @Test
    void badTimeNamesTheField() {
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json")
                .body("{\"openingHours\": {\"regular\": [{\"weekday\": \"monday\", \"opens\": \"25:00\"}]}}")
                .when().post("/labs").then(), 400, "validation-failed")
                .body("errors.field", contains("openingHours.regular[0].opens"));
    }

    @Test
    void oversizedBody() {
        String huge = "{\"description\": \"" + "x".repeat(1_100_000) + "\"}";
        isProblem(wrongRequest().header("Authorization", "Bearer " + ADMIN).contentType("application/json").body(huge)
                .when().post("/labs").then(), 413, "payload-too-large");
    }

    @Test
    void titlesFollowAcceptLanguage() {
        wrongRequest().header("Accept-Language", "en-GB,en;q=0.9").when().get("/labs/none")
                .then().statusCode(404).header("Content-Language", "en")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("There is no lab \"none\"."));
        wrongRequest().header("Accept-Language", "fr-FR, de;q=0.5").when().get("/labs/none")
                .then().statusCode(404).header("Content-Language", "de")
                .body("title", equalTo("Nicht gefunden"));
        // Unsupported or malformed preferences fall back to German.
        wrongRequest().header("Accept-Language", ";;;").when().get("/labs/none")
                .then().statusCode(404).body("title", equalTo("Nicht gefunden"));
        undocumented().header("Accept-Language", "en").when().get("/nowhere")
                .then().statusCode(404).body("title", equalTo("Not found"));
    }

    @Test
    void theCallersRequestIdIsEchoedAndQuoted() {
        undocumented().header("X-Request-Id", "cms-sync-4711").when().get("/labs/none")
                .then().statusCode(404)
                .header("X-Request-Id", "cms-sync-4711")
                .body("requestId", equalTo("cms-sync-4711"));
        // Anything that could forge log lines is replaced by a fresh id.
        undocumented().header("X-Request-Id", "evil\tvalue").when().get("/labs/none")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
