package de.stadtlabore.devservices;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One realm of the development identity provider, read from a Keycloak realm export (the same
 * files Keycloak imports): its users with passwords and realm roles, its clients with secrets,
 * audience mappers and service accounts.
 */
final class DevRealm {

    record User(String username, String password, String email, String name, List<String> roles) {
    }

    record Client(String clientId, String secret, boolean publicClient, String audience, List<String> serviceRoles) {
    }

    final String name;
    final int tokenLifespanSeconds;
    final Map<String, User> users = new HashMap<>();
    final Map<String, Client> clients = new HashMap<>();
    /** Signing keys, newest first; older keys stay published so that issued tokens remain valid. */
    final List<SigningKey> keys = new CopyOnWriteArrayList<>();

    DevRealm(JsonNode export) {
        this.name = export.path("realm").asText();
        this.tokenLifespanSeconds = export.path("accessTokenLifespan").asInt(300);
        Map<String, List<String>> serviceAccountRoles = new HashMap<>();
        for (JsonNode user : export.path("users")) {
            List<String> roles = texts(user.path("realmRoles"));
            if (user.hasNonNull("serviceAccountClientId")) {
                serviceAccountRoles.put(user.get("serviceAccountClientId").asText(), roles);
                continue;
            }
            String password = null;
            for (JsonNode credential : user.path("credentials")) {
                if ("password".equals(credential.path("type").asText())) {
                    password = credential.path("value").asText();
                }
            }
            String username = user.path("username").asText();
            users.put(username, new User(username, password, user.path("email").asText(null),
                    (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip(), roles));
        }
        for (JsonNode client : export.path("clients")) {
            String audience = null;
            for (JsonNode mapper : client.path("protocolMappers")) {
                if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())) {
                    audience = mapper.path("config").path("included.custom.audience").asText(null);
                }
            }
            String clientId = client.path("clientId").asText();
            clients.put(clientId, new Client(clientId, client.path("secret").asText(null),
                    client.path("publicClient").asBoolean(false), audience,
                    serviceAccountRoles.getOrDefault(clientId, List.of())));
        }
        keys.add(SigningKey.generate());
    }

    String issuer(String baseUrl) {
        return baseUrl + "/realms/" + name;
    }

    /** Claims of an access token as Keycloak would issue it for a user or a service account. */
    Map<String, Object> accessTokenClaims(String baseUrl, Client client, User user) {
        long now = Instant.now().getEpochSecond();
        String username = user == null ? "service-account-" + client.clientId() : user.username();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("exp", now + tokenLifespanSeconds);
        claims.put("iat", now);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iss", issuer(baseUrl));
        claims.put("aud", client.audience() == null ? "account" : client.audience());
        claims.put("sub", UUID.nameUUIDFromBytes((name + "/" + username).getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("typ", "Bearer");
        claims.put("azp", client.clientId());
        claims.put("scope", "openid profile email");
        claims.put("preferred_username", username);
        if (user != null && user.email() != null) {
            claims.put("email", user.email());
            claims.put("name", user.name());
        }
        claims.put("realm_access", Map.of("roles", List.copyOf(user == null ? client.serviceRoles() : user.roles())));
        return claims;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
