package de.stadtlabore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the embedded identity provider that dev mode and the tests run, with the
 * realms and demo users of {@code deploy/keycloak/demo/} (every demo password is {@code demo}).
 */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String idpUrl() {
        return ConfigProvider.getConfig().getValue("stadtlabore.dev-idp.url", String.class);
    }

    public static String issuer(String realm) {
        return idpUrl() + "/realms/" + realm;
    }

    /** A lab-admin (who is also lab-staff) of a founding municipality, e.g. {@code arnsberg}. */
    public static String admin(String municipality) {
        return password("stadtlabore-" + municipality, municipality + "-admin");
    }

    public static String staff(String municipality) {
        return password("stadtlabore-" + municipality, municipality + "-staff");
    }

    /** The data protection officer (role {@code privacy-officer}, nothing else) of a founding municipality. */
    public static String privacyOfficer(String municipality) {
        return password("stadtlabore-" + municipality, municipality + "-datenschutz");
    }

    public static String networkAdmin() {
        return password("stadtlabore-netzwerk", "netzwerk-admin");
    }

    /** A machine token (client credentials) of a municipality's IT. */
    public static String machine(String municipality) {
        return CACHE.computeIfAbsent("machine:" + municipality, k -> token("stadtlabore-" + municipality, Map.of(
                "grant_type", "client_credentials", "client_id", "stadtlabore-machine",
                "client_secret", "demo-machine-secret")));
    }

    public static String password(String realm, String user) {
        return CACHE.computeIfAbsent(realm + ":" + user, k -> token(realm, Map.of("grant_type", "password",
                "client_id", "stadtlabore-frontend", "username", user, "password", "demo")));
    }

    /**
     * A token minted in a realm for a user, with claims replaced (a null value removes one) and
     * signed by the realm's key ({@code realm}), a key nobody trusts ({@code foreign}) or not at
     * all ({@code none}).
     */
    public static String mint(String realm, String user, Map<String, Object> claims, String signWith) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("user", user);
        body.put("claims", claims);
        body.put("signWith", signWith);
        return post(idpUrl() + "/realms/" + realm + "/dev/mint", "application/json", write(body))
                .get("access_token").asText();
    }

    /** Creates a realm at run time from a Keycloak realm export. */
    public static void createRealm(String realmExportJson) {
        post(idpUrl() + "/admin/realms", "application/json", realmExportJson);
    }

    public static void rotateKeys(String realm) {
        post(idpUrl() + "/realms/" + realm + "/dev/rotate-keys", "application/json", "{}");
    }

    private static String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return post(idpUrl() + "/realms/" + realm + "/protocol/openid-connect/token",
                "application/x-www-form-urlencoded", body).get("access_token").asText();
    }

    private static JsonNode post(String url, String type, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Identity provider answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
