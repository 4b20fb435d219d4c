package de.stadtlabore.devservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Starts what {@code quarkus:dev} and the tests need, without containers, and points the
 * service at it — in the {@code dev} and {@code test} profiles only (this module is never on the
 * production class path in the first place):
 *
 * <ul>
 * <li>PostgreSQL ({@link DevDatabase}), unless a JDBC URL is configured. Dev: a persistent
 * cluster in {@code stadtlabore.dev-database.data-dir} on {@code stadtlabore.dev-database.port};
 * test: a throw-away cluster on a free port.</li>
 * <li>An OpenID Connect provider ({@link DevIdentityProvider}) with the demo realms of
 * {@code deploy/keycloak/demo/} (dev and test only; production templates are in
 * {@code deploy/keycloak/production/}). Dev: on {@code stadtlabore.dev-idp.port}; test: on a
 * free port. Its {@code stadtlabore-netzwerk} realm is the network's provider.</li>
 * <li>The demo data ({@code db/demo}): the four municipalities with their labs, inventory, events,
 * projects and purchases; it registers the provider's realms as the municipalities' providers.</li>
 * </ul>
 *
 * Relative directories are resolved against the repository root: the nearest directory upwards
 * that holds {@code deploy/keycloak}.
 */
public class DevServicesConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 260; // above application.properties, below env and -D
    private static final String URL_KEY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        if (!(dev || profiles.contains("test"))) {
            return List.of();
        }
        Path root = repositoryRoot();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.flyway.locations", "db/migration,db/demo");
        if (!isSet(context, URL_KEY) && flag(context, "stadtlabore.dev-database.enabled")) {
            String url = dev
                    ? DevDatabase.ensureRunning(root.resolve(value(context, "stadtlabore.dev-database.data-dir", ".devdata/postgres")),
                            Integer.parseInt(value(context, "stadtlabore.dev-database.port", "15432")))
                    : DevDatabase.ensureRunning(null, 0);
            config.put(URL_KEY, url);
            config.put("quarkus.datasource.username", DevDatabase.USER);
            config.put("quarkus.datasource.password", "");
        }
        if (flag(context, "stadtlabore.dev-idp.enabled")) {
            Path realms = root.resolve(value(context, "stadtlabore.dev-idp.realms-dir", "deploy/keycloak/demo"));
            String idp = DevIdentityProvider.ensureRunning(realms,
                    dev ? Integer.parseInt(value(context, "stadtlabore.dev-idp.port", "18180")) : 0);
            config.put("stadtlabore.dev-idp.url", idp);
            config.put("quarkus.flyway.placeholders.devIdpUrl", idp);
            config.put("stadtlabore.identity.network-issuers", idp + "/realms/stadtlabore-netzwerk");
        }
        return List.of(new PropertiesConfigSource(config, "stadtlabore-dev-services", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/keycloak"))) {
                return dir;
            }
        }
        return start;
    }

    private static boolean flag(ConfigSourceContext context, String key) {
        return Boolean.parseBoolean(value(context, key, "true"));
    }

    private static boolean isSet(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(key);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
