package de.stadtlabore.labs;

import static de.stadtlabore.support.Api.api;
import static de.stadtlabore.support.Api.wrongRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LabsReadTest {

    static final List<String> DEMO_LABS_BY_NAME = List.of("freiRAUM Arnsberg", "stadtLABOR Soest",
            "Waldstadtlabor Iserlohn", "Zukunfts.Werk.Stadt Menden");

    /** Other tests add labs of their own; the four labs of the network keep their German name order among them. */
    @Test
    void listsTheFourLabsOfTheNetworkInGermanNameOrder() {
        List<String> names = api().queryParam("size", 100).when().get("/labs")
                .then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(100))
                .body("totalPages", equalTo(1))
                .extract().path("items.name");
        assertThat(names.stream().filter(DEMO_LABS_BY_NAME::contains)).containsExactlyElementsOf(DEMO_LABS_BY_NAME);
        api().when().get("/labs").then().body("size", equalTo(20)).body("totalItems", equalTo(names.size()));
    }

    @Test
    void aLabCarriesEverythingAVisitorNeeds() {
        api().when().get("/labs/stadtlabor-soest")
                .then().statusCode(200)
                .body("name", equalTo("stadtLABOR Soest"))
                .body("municipality.slug", equalTo("soest"))
                .body("address.postalCode", equalTo("59494"))
                .body("coordinates.latitude", equalTo(51.5716f))
                .body("openingHours.regular[0].weekday", equalTo("tuesday"))
                .body("openingHours.regular[0].opens", equalTo("10:00"))
                .body("openingHours.regular[1].opens", equalTo("14:00"))
                .body("contact.email", equalTo("stadtlabor@soest.example.org"))
                .body("topics", hasItem("Mobilität"))
                .body("accessibility.stepFreeAccess", equalTo(true))
                .body("accessibility.notes", notNullValue());
    }

    @Test
    void filtersByMunicipality() {
        api().queryParam("municipality", "menden").when().get("/labs")
                .then().statusCode(200)
                .body("items.slug", hasItem("zukunftswerkstadt-menden"))
                .body("items.municipality.slug", everyItem(equalTo("menden")));
    }

    @Test
    void filtersByTopicIgnoringCase() {
        api().queryParam("topic", "bürgerbeteiligung").when().get("/labs")
                .then().statusCode(200)
                .body("items.slug", contains("freiraum-arnsberg", "stadtlabor-soest"));
    }

    @Test
    void searchesGermanTextByWordStem() {
        // "Ausstellung" matches "Ausstellungen" in the description of the lab in Soest.
        api().queryParam("q", "Ausstellung").when().get("/labs")
                .then().statusCode(200)
                .body("items.slug", contains("stadtlabor-soest"));
    }

    @Test
    void searchMatchesThePartOfANameTypedSoFar() {
        api().queryParam("q", "waldst").when().get("/labs")
                .then().statusCode(200)
                .body("items.slug", contains("waldstadtlabor-iserlohn"));
    }

    @Test
    void combinesFiltersAndFindsNothingWhenTheyExcludeEachOther() {
        api().queryParam("municipality", "arnsberg").queryParam("topic", "Mobilität").when().get("/labs")
                .then().statusCode(200)
                .body("items", empty())
                .body("totalItems", equalTo(0))
                .body("totalPages", equalTo(0));
    }

    @Test
    void pagesAreStableAndNeitherOverlapNorSkip() {
        List<String> all = api().queryParam("size", 100).when().get("/labs").then().extract().path("items.slug");
        int pages = (all.size() + 2) / 3;
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            List<String> slugs = api().queryParam("size", 3).queryParam("page", page).when().get("/labs")
                    .then().statusCode(200).body("totalPages", equalTo(pages)).extract().path("items.slug");
            assertThat(slugs).hasSize(page < pages ? 3 : all.size() - 3 * (pages - 1));
            paged.addAll(slugs);
        }
        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates();
        api().queryParam("page", pages + 1).queryParam("size", 3).when().get("/labs")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(all.size()));
    }

    @Test
    void refusesAPageSizeAboveTheMaximum() {
        wrongRequest().queryParam("size", 101).when().get("/labs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:validation-failed"))
                .body("errors.field", contains("size"))
                .body("errors[0].message", equalTo("darf höchstens 100 sein"));
    }

    @Test
    void refusesParametersOfTheWrongTypeNamingEachOfThem() {
        wrongRequest().queryParam("page", "abc").queryParam("size", "0").header("Accept-Language", "en")
                .when().get("/labs")
                .then().statusCode(400)
                .body("title", equalTo("Invalid input"))
                .body("errors.field", containsInAnyOrder("page", "size"))
                .body("errors.message", containsInAnyOrder("must be a whole number", "must be at least 1"));
    }

    @Test
    void refusesOverlongSearchText() {
        wrongRequest().queryParam("q", "x".repeat(201)).when().get("/labs")
                .then().statusCode(400)
                .body("errors.field", contains("q"));
    }

    @Test
    void servesTheSameListAsGeoJsonForMaps() {
        String soest = "features.find { it.properties.slug == 'stadtlabor-soest' }";
        api().accept("application/geo+json").queryParam("municipality", "soest").when().get("/labs")
                .then().statusCode(200)
                .contentType("application/geo+json")
                .body("type", equalTo("FeatureCollection"))
                .body("features.properties.municipality.slug", everyItem(equalTo("soest")))
                .body(soest + ".type", equalTo("Feature"))
                .body(soest + ".geometry.type", equalTo("Point"))
                // GeoJSON puts longitude first.
                .body(soest + ".geometry.coordinates", contains(8.106f, 51.5716f));
    }

    @Test
    void geoJsonListsAllFourLabs() {
        List<String> names = api().accept("application/geo+json").queryParam("size", 100).when().get("/labs")
                .then().statusCode(200).extract().path("features.properties.name");
        assertThat(names.stream().filter(DEMO_LABS_BY_NAME::contains)).containsExactlyElementsOf(DEMO_LABS_BY_NAME);
    }

    @Test
    void anUnknownLabIsAProblemNamingIt() {
        api().when().get("/labs/stadtlabor-lippstadt")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stadtlabore:problem:not-found"))
                .body("title", equalTo("Nicht gefunden"))
                .body("detail", equalTo("Es gibt kein Labor „stadtlabor-lippstadt“."))
                .body("instance", equalTo("/labs/stadtlabor-lippstadt"))
                .body("status", equalTo(404));
    }

    @Test
    void readsCarryAnETagThatAnswersIfNoneMatchWith304() {
        String etag = api().when().get("/labs/freiraum-arnsberg")
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        api().header("If-None-Match", etag).when().get("/labs/freiraum-arnsberg")
                .then().statusCode(304).header("ETag", equalTo(etag))
                .body(equalTo(""));
        api().header("If-None-Match", "W/" + etag).when().get("/labs/freiraum-arnsberg")
                .then().statusCode(304);
        api().header("If-None-Match", "\"something-else\"").when().get("/labs/freiraum-arnsberg")
                .then().statusCode(200);
    }

    @Test
    void differentRepresentationsHaveDifferentETags() {
        String json = api().when().get("/labs").then().extract().header("ETag");
        String geo = api().accept("application/geo+json").when().get("/labs").then().extract().header("ETag");
        String soest = api().when().get("/labs/stadtlabor-soest").then().extract().header("ETag");
        assertThat(List.of(json, geo, soest)).doesNotHaveDuplicates();
        api().header("If-None-Match", json).accept("application/geo+json").when().get("/labs")
                .then().statusCode(200).header("ETag", not(equalTo(json)));
    }
}
