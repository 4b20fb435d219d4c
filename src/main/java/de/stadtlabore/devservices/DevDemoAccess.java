package de.stadtlabore.devservices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import de.stadtlabore.access.Scope;
import de.stadtlabore.access.apikeys.ApiKey;
import de.stadtlabore.access.apikeys.ApiKeyRepository;
import de.stadtlabore.access.apikeys.ApiKeySecrets;
import de.stadtlabore.common.time.Timestamps;
import de.stadtlabore.municipalities.Municipality;
import de.stadtlabore.municipalities.MunicipalityRepository;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code quarkus:dev} only: prints how to sign in as the demo users and issues one fresh demo API
 * key per municipality (the previous demo keys are revoked), so that Swagger UI's "Authorize"
 * works with both schemes right away. Not part of any production build.
 */
@IfBuildProfile("dev")
public class DevDemoAccess {

    private static final Logger LOG = Logger.getLogger(DevDemoAccess.class);
    private static final String DEMO_KEY_NAME = "Demo-Schlüssel (nur Entwicklung)";

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    ApiKeyRepository keys;

    @ConfigProperty(name = "stadtlabore.dev-idp.url")
    String idp;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent event) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Demo access (dev mode only). Every demo password is 'demo'.");
        lines.add("  Token for a person:  curl -s -d grant_type=password -d client_id=stadtlabore-frontend \\");
        lines.add("                         -d username=arnsberg-admin -d password=demo \\");
        lines.add("                         " + idp + "/realms/stadtlabore-arnsberg/protocol/openid-connect/token");
        lines.add("  Users per municipality <m> (arnsberg, iserlohn, menden, soest), realm stadtlabore-<m>:");
        lines.add("    <m>-admin (lab-admin, lab-staff), <m>-staff (lab-staff); machine client stadtlabore-machine");
        lines.add("    with secret demo-machine-secret. Network: netzwerk-admin in realm stadtlabore-netzwerk.");
        lines.add("  Demo API keys (header X-API-Key), all scopes, valid 30 days:");
        for (String line : issueDemoKeys()) {
            lines.add("    " + line);
        }
        lines.add("  Swagger UI: http://localhost:" + port + "/q/swagger-ui  (Authorize: bearer token or API key)");
        LOG.info(String.join("\n", lines));
    }

    @Transactional
    List<String> issueDemoKeys() {
        List<String> printed = new ArrayList<>();
        keys.update("revokedAt = ?1 where name = ?2 and revokedAt is null", Timestamps.now(), DEMO_KEY_NAME);
        for (Municipality municipality : municipalities.listAll()) {
            ApiKeySecrets.NewKey secret = ApiKeySecrets.generate();
            ApiKey key = new ApiKey();
            key.id = UUID.randomUUID();
            key.municipalityId = municipality.id;
            key.name = DEMO_KEY_NAME;
            key.prefix = secret.prefix();
            key.secretHash = ApiKeySecrets.hash(secret.secret());
            key.scopes = new ArrayList<>(List.of(Scope.values()).stream().map(Scope::toString).toList());
            key.createdAt = Timestamps.now();
            key.createdBy = "dev-mode";
            key.expiresAt = key.createdAt.plus(Duration.ofDays(30));
            keys.persist(key);
            printed.add(String.format("%-10s %s", municipality.slug, secret.secret()));
        }
        return printed;
    }
}
