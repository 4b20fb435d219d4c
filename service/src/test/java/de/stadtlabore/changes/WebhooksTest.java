package de.stadtlabore.changes;

import static de.stadtlabore.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import de.stadtlabore.support.Fixtures;
import de.stadtlabore.support.Receiver;
import de.stadtlabore.support.Tokens;
import de.stadtlabore.support.Unique;

/**
 * Webhooks against real HTTP receivers on loopback: signed as Standard Webhooks says (checked with
 * its reference implementation), only what the endpoint's municipality may see, retried when the
 * receiver is down, slow or failing, and disabled with a reason after the last retry.
 */
@QuarkusTest
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Test
    void anEndpointReceivesSignedChangesOfItsMunicipality() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String admin = Tokens.admin("arnsberg");
            ExtractableResponse<Response> created = register(admin, receiver.url(), List.of("item.created"));
            String secret = created.path("secret");
            assertThat(secret).startsWith("whsec_");

            String cursor = ChangeFeedTest.latestCursor(admin);
            String item = Fixtures.createItem(Tokens.staff("arnsberg"), "freiraum-arnsberg", Unique.name("TEST-HOOK"),
                    "camera", "network");

            Receiver.Received delivery = receiver.await(r -> r.body().contains(item), WAIT);
            assertThat(delivery).as("delivery of item.created").isNotNull();
            // The reference implementation accepts it; a changed body or another secret it refuses.
            new Webhook(secret).verify(delivery.body(), delivery.headers());
            assertThatThrownBy(() -> new Webhook(secret).verify(delivery.body().replace(item, UUID.randomUUID().toString()),
                    delivery.headers())).isInstanceOf(WebhookVerificationException.class);
            assertThatThrownBy(() -> new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                    .verify(delivery.body(), delivery.headers())).isInstanceOf(WebhookVerificationException.class);

            JsonNode body = JSON.readTree(delivery.body());
            assertThat(body.path("type").asText()).isEqualTo("item.created");
            assertThat(body.path("timestamp").asText()).endsWith("Z");
            assertThat(body.path("data").path("id").asText()).isEqualTo(item);
            assertThat(body.path("data").path("municipality").asText()).isEqualTo("arnsberg");
            assertThat(delivery.header("content-type")).startsWith("application/json");

            // The same change in the change feed, under the delivery's id.
            String id = delivery.header("webhook-id");
            as(admin).queryParam("after", cursor).queryParam("types", "item.created").when().get("/changes").then()
                    .statusCode(200).body("items.id", hasItem(id));
            String endpoint = created.path("webhook.id");
            awaitDeliveryStatus(admin, endpoint, "delivered");
            as(admin).when().get("/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .body("items[0].type", equalTo("item.created")).body("items[0].attempts", equalTo(1))
                    .body("items[0].responseStatus", equalTo(204));
            as(admin).when().get("/webhooks/" + endpoint).then().statusCode(200).body("url", equalTo(receiver.url()))
                    .body("municipality", equalTo("arnsberg"));
            remove(admin, endpoint);
        }
    }

    /** The access policy decides: a municipality's own item reaches its own webhook only. */
    @Test
    void aMunicipalitysOwnItemNeverReachesAnotherMunicipalitysWebhook() throws Exception {
        try (Receiver arnsberg = new Receiver(); Receiver soest = new Receiver()) {
            String arnsbergAdmin = Tokens.admin("arnsberg");
            String soestAdmin = Tokens.admin("soest");
            List<String> types = List.of("item.created");
            String own = register(arnsbergAdmin, arnsberg.url(), types).path("webhook.id");
            String other = register(soestAdmin, soest.url(), types).path("webhook.id");

            String staff = Tokens.staff("arnsberg");
            String lab = as(staff).contentType("application/json").body(Fixtures.item("freiraum-arnsberg",
                    Unique.name("TEST-PRIVATE"), "camera", "lab", false, "available"))
                    .when().post("/items").then().statusCode(201).extract().path("id");
            String network = Fixtures.createItem(staff, "freiraum-arnsberg", Unique.name("TEST-SHARED"), "camera", "network");

            assertThat(arnsberg.await(r -> r.body().contains(lab), WAIT)).isNotNull();
            assertThat(soest.await(r -> r.body().contains(network), WAIT)).isNotNull();
            // Both changes were fanned out together (the private one first): Soest got no delivery of it.
            assertThat(soest.received()).noneMatch(r -> r.body().contains(lab));
            assertThat(count("select count(*) from webhook_delivery d join change_event c on c.id = d.change_id"
                    + " where d.endpoint_id = '" + other + "' and c.data->>'id' = '" + lab + "'")).isZero();

            // The change feed draws the same line.
            assertThat(feedIds(soestAdmin, "item.created")).contains(network).doesNotContain(lab);
            assertThat(feedIds(staff, "item.created")).contains(lab, network);
            assertThat(feedIds(null, "item.created")).doesNotContain(lab, network);
            remove(arnsbergAdmin, own);
            remove(soestAdmin, other);
        }
    }

    @Test
    void aReceiverThatIsDownGetsEveryRetryAndItsEndpointIsThenDisabled() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String admin = Tokens.admin("menden");
        String endpoint = register(admin, "http://127.0.0.1:" + closedPort + "/hook", List.of("item.created"))
                .path("webhook.id");
        Fixtures.createItem(Tokens.staff("menden"), "zukunftswerkstadt-menden", Unique.name("TEST-DOWN"), "camera", "network");

        // One attempt and three retries (1 s apart in tests), then the endpoint is off, with a reason.
        long end = System.nanoTime() + WAIT.multipliedBy(2).toNanos();
        while (System.nanoTime() < end && as(admin).when().get("/webhooks/" + endpoint).then().extract().<Boolean>path("enabled")) {
            Thread.sleep(200);
        }
        as(admin).when().get("/webhooks/" + endpoint).then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", startsWith("Deliveries failed for a day"));
        as(admin).queryParam("status", "failed").when().get("/webhooks/" + endpoint + "/deliveries").then()
                .statusCode(200).body("items[0].attempts", equalTo(4)).body("items[0].error", startsWith("ConnectException"));
        as(admin).queryParam("target", "webhook:" + endpoint).when().get("/audit-events").then().statusCode(200)
                .body("items.action", hasItem("webhook.disable"));
        // Redelivering needs the endpoint on again.
        String delivery = as(admin).when().get("/webhooks/" + endpoint + "/deliveries").then().extract().path("items[0].id");
        as(admin).when().post("/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver").then().statusCode(409);
        remove(admin, endpoint);
    }

    @Test
    void aFailingReceiverIsRetriedAndAFixedOneGetsARedelivery() throws Exception {
        try (Receiver receiver = new Receiver().answering(n -> n <= 1 ? 500 : 200)) {
            String admin = Tokens.admin("iserlohn");
            ExtractableResponse<Response> created = register(admin, receiver.url(), List.of("item.created"));
            String endpoint = created.path("webhook.id");
            String item = Fixtures.createItem(Tokens.staff("iserlohn"), "waldstadtlabor-iserlohn", Unique.name("TEST-500"),
                    "camera", "network");

            awaitDeliveryStatus(admin, endpoint, "delivered");
            List<Receiver.Received> attempts = receiver.received().stream().filter(r -> r.body().contains(item)).toList();
            assertThat(attempts).hasSize(2);
            // A retry is the same message: same id and body, signed anew.
            assertThat(attempts.get(1).header("webhook-id")).isEqualTo(attempts.get(0).header("webhook-id"));
            assertThat(attempts.get(1).body()).isEqualTo(attempts.get(0).body());
            for (Receiver.Received attempt : attempts) {
                assertThatCode(() -> new Webhook(created.<String>path("secret")).verify(attempt.body(), attempt.headers()))
                        .doesNotThrowAnyException();
            }
            String delivery = as(admin).when().get("/webhooks/" + endpoint + "/deliveries").then()
                    .body("items[0].attempts", equalTo(2)).body("items[0].responseStatus", equalTo(200))
                    .extract().path("items[0].id");

            as(admin).when().post("/webhooks/" + endpoint + "/deliveries/" + delivery + "/redeliver").then().statusCode(202)
                    .body("status", equalTo("pending"));
            assertThat(receiver.await(r -> r.body().contains(item) && receiver.received().stream()
                    .filter(x -> x.body().contains(item)).count() >= 3, WAIT)).isNotNull();
            remove(admin, endpoint);
        }
    }

    @Test
    void aSlowReceiverTimesOutAndIsRetried() throws Exception {
        try (Receiver receiver = new Receiver().slow(Duration.ofSeconds(3))) {
            String admin = Tokens.admin("soest");
            String endpoint = register(admin, receiver.url(), List.of("item.created")).path("webhook.id");
            String item = Fixtures.createItem(Tokens.staff("soest"), "stadtlabor-soest", Unique.name("TEST-SLOW"), "camera",
                    "network");
            assertThat(receiver.await(r -> r.body().contains(item), WAIT)).isNotNull();
            receiver.slow(Duration.ZERO);
            awaitDeliveryStatus(admin, endpoint, "delivered");
            assertThat(receiver.received().stream().filter(r -> r.body().contains(item)).count()).isGreaterThanOrEqualTo(2);
            remove(admin, endpoint);
        }
    }

    @Test
    void labAdminsAndKeysWithTheScopeManageTheirMunicipalitysEndpointsOnly() throws Exception {
        String admin = Tokens.admin("arnsberg");
        as(Tokens.staff("arnsberg")).contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/hook"))
                .when().post("/webhooks").then().statusCode(403);
        String key = Fixtures.apiKey(admin, List.of("webhooks:write"));
        String endpoint = de.stadtlabore.support.Api.api().header("X-API-Key", key).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "description", "Stadtportal", "eventTypes",
                        List.of("event.published")))
                .when().post("/webhooks").then().statusCode(201).body("webhook.eventTypes", equalTo(List.of("event.published")))
                .extract().path("webhook.id");
        as(Tokens.admin("soest")).when().get("/webhooks/" + endpoint).then().statusCode(404);
        as(Tokens.admin("soest")).when().delete("/webhooks/" + endpoint).then().statusCode(404);

        de.stadtlabore.support.Api.wrongRequest().header("Authorization", "Bearer " + admin).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("item.exploded")))
                .when().post("/webhooks").then().statusCode(400).body("errors.field", hasItem("eventTypes[0]"));
        for (String bad : List.of("ftp://example.org/hook", "http://user:pw@127.0.0.1/hook", "nicht eine url")) {
            de.stadtlabore.support.Api.wrongRequest().header("Authorization", "Bearer " + admin)
                    .contentType("application/json").body(Map.of("url", bad))
                    .when().post("/webhooks").then().statusCode(400).body("errors.field", hasItem("url"));
        }
        // Switched off and on again, given the version read.
        String etag = as(admin).when().get("/webhooks/" + endpoint).then().extract().header("ETag");
        as(admin).header("If-Match", etag).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "enabled", false))
                .when().put("/webhooks/" + endpoint).then().statusCode(200).body("enabled", equalTo(false))
                .body("eventTypes", equalTo(List.of()));
        remove(admin, endpoint);
        as(admin).when().get("/webhooks/" + endpoint).then().statusCode(404);
    }

    private static ExtractableResponse<Response> register(String admin, String url, List<String> types) {
        return as(admin).contentType("application/json")
                .body(Map.of("url", url, "description", "Test receiver", "eventTypes", types))
                .when().post("/webhooks").then().statusCode(201).extract();
    }

    private static void remove(String admin, String endpoint) {
        as(admin).when().delete("/webhooks/" + endpoint).then().statusCode(204);
    }

    private static void awaitDeliveryStatus(String admin, String endpoint, String status) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            List<String> statuses = as(admin).when().get("/webhooks/" + endpoint + "/deliveries").then().statusCode(200)
                    .extract().path("items.status");
            if (!statuses.isEmpty() && statuses.get(0).equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No delivery of " + endpoint + " became " + status);
    }

    /** The ids of the objects in the whole change feed, as a caller (null: anonymous) sees it. */
    static List<String> feedIds(String token, String types) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            var request = token == null ? de.stadtlabore.support.Api.api() : as(token);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            var page = request.queryParam("types", types).queryParam("size", "100").when().get("/changes").then()
                    .statusCode(200).extract();
            ids.addAll(page.<List<String>>path("items.data.id"));
            cursor = page.path("next");
            if (!page.<Boolean>path("more")) {
                return ids;
            }
        }
        throw new AssertionError("The feed does not end");
    }

    private int count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
