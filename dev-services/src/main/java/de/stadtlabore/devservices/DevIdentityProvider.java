package de.stadtlabore.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect provider for {@code quarkus:dev} and the test suite, so that neither
 * needs a container. It serves Keycloak's URL layout ({@code /realms/<realm>/...}): discovery,
 * JWKS and a token endpoint (password and client-credentials grants), with realms, users and
 * clients read from the demo Keycloak realm exports in {@code deploy/keycloak/demo/}. Tokens are
 * real RS256-signed JWTs; the service validates them exactly as it validates Keycloak's.
 *
 * <p>For tests and local experiments it also offers, on loopback only: creating a realm at run
 * time ({@code POST /admin/realms}), rotating a realm's signing key
 * ({@code POST /realms/<realm>/dev/rotate-keys}) and minting arbitrary tokens
 * ({@code POST /realms/<realm>/dev/mint}). Production never starts this class.
 */
final class DevIdentityProvider {

    private static final Logger LOG = Logger.getLogger(DevIdentityProvider.class);
    static final String STARTED_URL_PROPERTY = "stadtlabore.internal.dev-idp.url";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, DevRealm> realms = new ConcurrentHashMap<>();
    private final String baseUrl;

    private DevIdentityProvider(HttpServer server) {
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "dev-identity-provider");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Starts the provider once per JVM and returns its base URL (see {@code DevDatabase}). */
    static synchronized String ensureRunning(Path realmsDir, int port) {
        String started = System.getProperty(STARTED_URL_PROPERTY);
        if (started != null) {
            return started;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the development identity provider on port " + port, e);
        }
        DevIdentityProvider provider = new DevIdentityProvider(server);
        provider.loadRealms(realmsDir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "dev-identity-provider-stop"));
        LOG.infof("Development identity provider on %s with realms %s", provider.baseUrl, provider.realms.keySet());
        System.setProperty(STARTED_URL_PROPERTY, provider.baseUrl);
        return provider.baseUrl;
    }

    private void loadRealms(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("No realm exports in %s: the development identity provider has no realms", dir.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-realm.json")).sorted().toList()) {
                DevRealm realm = new DevRealm(JSON.readTree(file.toFile()));
                realms.put(realm.name, realm);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String[] path = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
            String method = exchange.getRequestMethod();
            if (path.length == 2 && path[0].equals("admin") && path[1].equals("realms") && method.equals("POST")) {
                DevRealm realm = new DevRealm(JSON.readTree(exchange.getRequestBody()));
                realms.put(realm.name, realm);
                send(exchange, 201, Map.of("realm", realm.name, "issuer", realm.issuer(baseUrl)));
                return;
            }
            DevRealm realm = path.length >= 3 && path[0].equals("realms") ? realms.get(path[1]) : null;
            if (realm == null) {
                send(exchange, 404, Map.of("error", "Realm does not exist"));
                return;
            }
            String rest = String.join("/", List.of(path).subList(2, path.length));
            switch (method + " " + rest) {
                case "GET .well-known/openid-configuration" -> send(exchange, 200, discovery(realm));
                case "GET protocol/openid-connect/certs" ->
                        send(exchange, 200, Map.of("keys", realm.keys.stream().map(SigningKey::publicJwk).toList()));
                case "POST protocol/openid-connect/token" -> token(exchange, realm);
                case "POST dev/rotate-keys" -> {
                    realm.keys.add(0, SigningKey.generate());
                    send(exchange, 200, Map.of("kid", realm.keys.get(0).kid()));
                }
                case "POST dev/mint" -> mint(exchange, realm);
                default -> send(exchange, 404, Map.of("error", "Unknown endpoint"));
            }
        } catch (RuntimeException e) {
            LOG.warn("Development identity provider could not answer a request", e);
            send(exchange, 400, Map.of("error", "invalid_request", "error_description", String.valueOf(e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private Map<String, Object> discovery(DevRealm realm) {
        String issuer = realm.issuer(baseUrl);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        doc.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        doc.put("grant_types_supported", List.of("password", "client_credentials"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic"));
        return doc;
    }

    private void token(HttpExchange exchange, DevRealm realm) throws IOException {
        Map<String, String> form = form(exchange.getRequestBody());
        String[] basic = basicAuth(exchange.getRequestHeaders().getFirst("Authorization"));
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        DevRealm.Client client = clientId == null ? null : realm.clients.get(clientId);
        if (client == null || (!client.publicClient() && (client.secret() == null || !client.secret().equals(secret)))) {
            send(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        DevRealm.User user = null;
        switch (String.valueOf(form.get("grant_type"))) {
            case "password" -> {
                user = realm.users.get(form.get("username"));
                if (user == null || user.password() == null || !user.password().equals(form.get("password"))) {
                    send(exchange, 401, Map.of("error", "invalid_grant", "error_description", "Invalid user credentials"));
                    return;
                }
            }
            case "client_credentials" -> {
                if (client.publicClient()) {
                    send(exchange, 400, Map.of("error", "unauthorized_client"));
                    return;
                }
            }
            default -> {
                send(exchange, 400, Map.of("error", "unsupported_grant_type"));
                return;
            }
        }
        SigningKey key = realm.keys.get(0);
        String token = key.sign(realm.accessTokenClaims(baseUrl, client, user), key.kid());
        send(exchange, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", realm.tokenLifespanSeconds));
    }

    /**
     * Mints a token for tests: {@code {"user": "…", "client": "…", "claims": {…}, "signWith":
     * "realm" | "foreign" | "none"}}. Claims override the usual ones; a null claim removes it
     * ({@code iat}, {@code exp} and {@code jti} are always there: the signer adds them).
     */
    private void mint(HttpExchange exchange, DevRealm realm) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        DevRealm.Client client = realm.clients.get(request.path("client").asText("stadtlabore-frontend"));
        DevRealm.User user = request.hasNonNull("user") ? realm.users.get(request.get("user").asText()) : null;
        if (client == null || (request.hasNonNull("user") && user == null)) {
            send(exchange, 400, Map.of("error", "unknown user or client"));
            return;
        }
        Map<String, Object> claims = new HashMap<>(realm.accessTokenClaims(baseUrl, client, user));
        for (Iterator<Map.Entry<String, JsonNode>> it = request.path("claims").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> claim = it.next();
            if (claim.getValue().isNull()) {
                claims.remove(claim.getKey());
            } else {
                claims.put(claim.getKey(), JSON.convertValue(claim.getValue(), Object.class));
            }
        }
        String signWith = request.path("signWith").asText("realm");
        SigningKey key = signWith.equals("foreign") ? SigningKey.generate() : realm.keys.get(0);
        String kid = request.hasNonNull("kid") ? request.get("kid").asText() : key.kid();
        send(exchange, 200, Map.of("access_token", signWith.equals("none") ? key.unsigned(claims, kid) : key.sign(claims, kid)));
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String[] basicAuth(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
