package de.stadtlabore.municipalities;

import static de.stadtlabore.support.Api.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MunicipalitiesTest {

    static final List<String> FOUNDERS = List.of("arnsberg", "iserlohn", "menden", "soest");

    /** Other tests onboard municipalities of their own; the four founders keep their order by name among them. */
    @Test
    void listsTheFourFoundingMunicipalities() {
        List<String> slugs = api().queryParam("size", 100).when().get("/municipalities")
                .then().statusCode(200)
                .body("items.find { it.slug == 'arnsberg' }.state", equalTo("Nordrhein-Westfalen"))
                .extract().path("items.slug");
        assertThat(slugs.stream().filter(FOUNDERS::contains)).containsExactlyElementsOf(FOUNDERS);
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
        List<String> all = api().queryParam("size", 100).when().get("/municipalities").then().extract().path("items.slug");
        int pages = (all.size() + 2) / 3;
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            paged.addAll(api().queryParam("size", 3).queryParam("page", page).when().get("/municipalities")
                    .then().statusCode(200).body("page", equalTo(page)).body("totalPages", equalTo(pages))
                    .body("totalItems", equalTo(all.size())).extract().<List<String>>path("items.slug"));
        }
        assertThat(paged).containsExactlyElementsOf(all);
        api().queryParam("size", 3).queryParam("page", pages + 1).when().get("/municipalities")
                .then().statusCode(200).body("items", empty());
    }
}
