package de.stadtlabore.devservices;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code quarkus:dev} only: prints how to sign in as the demo users and issues one fresh demo API
 * key per municipality with every scope (the previous demo keys are revoked), so that Swagger
 * UI's "Authorize" works with both schemes right away. Keys are written as the service stores
 * them: the visible prefix and the SHA-256 hash of the secret.
 */
@IfBuildProfile("dev")
@jakarta.inject.Singleton
public class DevDemoAccess {

    private static final Logger LOG = Logger.getLogger(DevDemoAccess.class);
    private static final String DEMO_KEY_NAME = "Demo-Schlüssel (nur Entwicklung)";
    private static final String PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "stadtlabore.dev-idp.url")
    String idp;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent event) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Demo access (dev mode only). Every demo password is 'demo'.");
        lines.add("  Token for a person:  curl -s -d grant_type=password -d client_id=stadtlabore-frontend \\");
        lines.add("                         -d username=arnsberg-admin -d password=demo \\");
        lines.add("                         " + idp + "/realms/stadtlabore-arnsberg/protocol/openid-connect/token");
        lines.add("  Users per municipality <m> (arnsberg, iserlohn, menden, soest), realm stadtlabore-<m>:");
        lines.add("    <m>-admin (lab-admin, lab-staff), <m>-staff (lab-staff), <m>-datenschutz (privacy-officer);");
        lines.add("    machine client stadtlabore-machine");
        lines.add("    with secret demo-machine-secret. Network: netzwerk-admin in realm stadtlabore-netzwerk.");
        lines.add("  Demo API keys (header X-API-Key), all scopes, valid 30 days:");
        for (String line : issueDemoKeys()) {
            lines.add("    " + line);
        }
        lines.add("  Swagger UI: http://localhost:" + port + "/q/swagger-ui  (Authorize: bearer token or API key)");
        LOG.info(String.join("\n", lines));
    }

    private List<String> issueDemoKeys() throws SQLException {
        List<String> printed = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (var revoke = db.prepareStatement("update api_key set revoked_at = now() where name = ? and revoked_at is null")) {
                revoke.setString(1, DEMO_KEY_NAME);
                revoke.executeUpdate();
            }
            Array scopes = db.createArrayOf("text", allScopes());
            try (var municipalities = db.prepareStatement("select id, slug from municipality order by slug");
                    var rows = municipalities.executeQuery();
                    var insert = db.prepareStatement("insert into api_key (id, municipality_id, name, prefix, secret_hash,"
                            + " scopes, created_at, created_by, expires_at)"
                            + " values (?, ?, ?, ?, ?, ?, now(), 'dev-mode', now() + interval '30 days')")) {
                while (rows.next()) {
                    String prefix = prefix();
                    String secret = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, rows.getObject("id"));
                    insert.setString(3, DEMO_KEY_NAME);
                    insert.setString(4, prefix);
                    insert.setString(5, sha256Hex(secret));
                    insert.setArray(6, scopes);
                    insert.executeUpdate();
                    printed.add(String.format("%-10s %s", rows.getString("slug"), secret));
                }
            }
            db.commit();
        }
        return printed;
    }

    /** Every scope the service knows, read from its own enum so that new scopes are included. */
    private static Object[] allScopes() {
        try {
            Class<?> scope = Class.forName("de.stadtlabore.access.Scope", false,
                    Thread.currentThread().getContextClassLoader());
            return Arrays.stream(scope.getEnumConstants()).map(Object::toString).toArray();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The service's scopes moved; update the dev services", e);
        }
    }

    private static String prefix() {
        StringBuilder prefix = new StringBuilder("slk_");
        for (int i = 0; i < 8; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        return prefix.toString();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
