package de.stadtlabore.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import de.stadtlabore.support.Contract;
import io.quarkus.test.junit.QuarkusTest;

/** The service serves exactly openapi.yaml, and Swagger UI shows it. */
@QuarkusTest
class ServedContractTest {

    @Test
    void servesTheContractVerbatim() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Contract.text());
        String served = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        assertThat(new ObjectMapper().readTree(served)).isEqualTo(file);
    }

    @Test
    void swaggerUiIsServed() {
        String page = given().when().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertThat(page).contains("swagger-ui");
    }
}
