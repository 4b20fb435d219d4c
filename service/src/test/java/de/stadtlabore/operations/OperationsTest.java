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

    @jakarta.inject.Inject
    de.stadtlabore.operations.BusinessMetrics businessMetrics;

    /** Business figures beside the HTTP metrics: they follow what happens (issue 13). */
    @Test
    void businessMetricsCountSeatsReservationsAndTheWebhookBacklog() {
        businessMetrics.refresh();
        double seats = metric("stadtlabore_seats_taken");
        double approved = metric("stadtlabore_reservations{status=\"approved\"}");
        String event = de.stadtlabore.support.Api.as(de.stadtlabore.support.Tokens.staff("soest")).contentType("application/json")
                .body("""
                        {"leadLab": "stadtlabor-soest", "title": "%s", "category": "vortrag",
                         "format": "in-person", "place": {"lab": "stadtlabor-soest"}, "visibility": "public",
                         "start": "2031-03-03T18:00", "end": "2031-03-03T20:00",
                         "registration": {"capacity": 10, "maxSeatsPerRegistration": 3}}
                        """.formatted(de.stadtlabore.support.Unique.name("Metrik")))
                .when().post("/events").then().statusCode(201).extract().path("id");
        de.stadtlabore.support.Api.api().contentType("application/json")
                .body(java.util.Map.of("name", "Erika Muster", "email", "metrics@example.org", "consent", true, "seats", 3))
                .when().post("/events/" + event + "/occurrences/2031-03-03T18:00/registrations").then().statusCode(201);
        businessMetrics.refresh();
        org.assertj.core.api.Assertions.assertThat(metric("stadtlabore_seats_taken")).isEqualTo(seats + 3);
        org.assertj.core.api.Assertions.assertThat(metric("stadtlabore_reservations{status=\"approved\"}")).isEqualTo(approved);
        org.assertj.core.api.Assertions.assertThat(metric("stadtlabore_webhook_deliveries_pending")).isGreaterThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(metric("stadtlabore_business_metrics_age_seconds")).isLessThan(5);
    }

    /** One value of the Prometheus text format. */
    private double metric(String series) {
        String text = given().when().get(management + "metrics").then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no series " + series + " in the metrics");
    }

    /** Each identity provider's reachability, as a wellness check (never readiness). */
    @Test
    void wellnessReportsEveryIdentityProvider() {
        // Other tests of this instance onboard providers that are down on purpose (ProviderContactTest).
        var providers = given().when().get(management + "health/group/identity-providers").then()
                .body("checks[0].name", equalTo("Identity providers")).extract();
        java.util.Map<String, String> data = providers.path("checks[0].data");
        String soest = data.keySet().stream().filter(issuer -> issuer.endsWith("/realms/stadtlabore-soest")).findFirst()
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThat(data.get(soest)).startsWith("UP");
        org.assertj.core.api.Assertions.assertThat(providers.statusCode())
                .isEqualTo(data.values().stream().allMatch(state -> state.startsWith("UP")) ? 200 : 503);
        given().when().get(management + "health/well").then().body("checks.name", hasItem("Identity providers"));
        given().when().get(management + "health/ready").then()
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("Identity providers")));
    }

    /** No OTLP endpoint is configured here: tracing stays off instead of failing to export to localhost:4317. */
    @Test
    void tracingIsOffWithoutAnOtlpEndpoint() {
        org.assertj.core.api.Assertions.assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }
}
