package de.stadtlabore.municipalities;

import static de.stadtlabore.support.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MunicipalitiesTest {

    @Test
    void listsTheFourFoundingMunicipalities() {
        api().when().get("/municipalities")
                .then().statusCode(200)
                .body("items.slug", contains("arnsberg", "iserlohn", "menden", "soest"))
                .body("items[0].state", equalTo("Nordrhein-Westfalen"))
                .body("totalItems", equalTo(4));
    }

    @Test
    void getsOneBySlug() {
        api().when().get("/municipalities/menden")
                .then().statusCode(200)
                .body("name", equalTo("Menden (Sauerland)"));
    }

    @Test
    void anUnknownMunicipalityIsNotFound() {
        api().header("Accept-Language", "en").when().get("/municipalities/lippstadt")
                .then().statusCode(404)
                .body("detail", equalTo("There is no municipality \"lippstadt\"."));
    }

    @Test
    void pagesWithTheSameEnvelope() {
        api().queryParam("size", 3).queryParam("page", 2).when().get("/municipalities")
                .then().statusCode(200)
                .body("items.slug", contains("soest"))
                .body("page", equalTo(2))
                .body("totalPages", equalTo(2));
    }
}
