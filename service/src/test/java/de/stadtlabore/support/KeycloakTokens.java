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
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Tokens obtained from the real Keycloak of the integration tests, and its admin API. */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakTokens() {
    }

    public static String issuer(String realm) {
        return KeycloakAndDatabase.keycloakUrl() + "/realms/" + realm;
    }

    /** A person's token (password grant of the frontend client; demo password {@code demo}). */
    public static String person(String realm, String user) {
        return token(realm, Map.of("grant_type", "password", "client_id", "stadtlabore-frontend", "username", user,
                "password", "demo"));
    }

    /** A machine's token (client credentials of the machine client). */
    public static String machine(String realm) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", "stadtlabore-machine",
                "client_secret", "demo-machine-secret"));
    }

    /** Creates a realm through Keycloak's admin REST API, as a municipality's IT would set one up. */
    public static void createRealm(String realmExportJson) {
        String admin = token("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", KeycloakAndDatabase.adminPassword()));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(KeycloakAndDatabase.keycloakUrl() + "/admin/realms"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realmExportJson)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused the realm: " + response.statusCode() + " " + response.body());
        }
    }

    private static String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
