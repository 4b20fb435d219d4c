package de.stadtlabore.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** What an operator and a browser rely on: probes, metrics, security headers and CORS. */
@QuarkusTest
class OperationsTest {

    static ValidatableResponse hasSecurityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    /** The management interface ({@code /q/} on its own port): health and metrics, inside the cluster only. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void readinessChecksTheDatabase() {
        given().when().get(management + "health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get(management + "health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheusOnTheManagementInterfaceOnly() {
        given().when().get("/labs");
        given().when().get(management + "metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/labs\""));
        // Finding 9: the public port has neither metrics nor health.
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        hasSecurityHeaders(given().when().get("/labs").then())
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        hasSecurityHeaders(given().when().get("/nowhere").then().statusCode(404));
        // Swagger UI runs scripts of its own, but still only from this origin.
        hasSecurityHeaders(given().when().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        given().header("Origin", "https://frontend.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/labs")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://frontend.example.org")
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://frontend.example.org").when().get("/labs")
                .then().header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://evil.example.net").when().get("/labs")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
