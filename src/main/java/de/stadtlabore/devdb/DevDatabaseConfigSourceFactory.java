package de.stadtlabore.devdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL server in the {@code dev} and {@code test}
 * profiles, unless a JDBC URL is configured explicitly.
 *
 * <ul>
 * <li>{@code dev}: a persistent cluster in {@code stadtlabore.dev-database.data-dir} (default
 * {@code .devdata/postgres}) on {@code stadtlabore.dev-database.port} (default 15432), so that
 * data survives a restart of {@code ./mvnw quarkus:dev}.</li>
 * <li>{@code test}: a throw-away cluster on a free port, removed when the JVM exits.</li>
 * </ul>
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 260; // above application.properties, below env and -D
    private static final String URL_KEY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!(dev || test) || isSet(context, URL_KEY) || !enabled(context)) {
            return List.of();
        }
        String url = dev
                ? DevDatabase.ensureRunning(Path.of(value(context, "stadtlabore.dev-database.data-dir", ".devdata/postgres")),
                        Integer.parseInt(value(context, "stadtlabore.dev-database.port", "15432")))
                : DevDatabase.ensureRunning(null, 0);
        return List.of(new PropertiesConfigSource(Map.of(
                URL_KEY, url,
                "quarkus.datasource.username", DevDatabase.USER,
                "quarkus.datasource.password", ""), "embedded-postgresql", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean enabled(ConfigSourceContext context) {
        return Boolean.parseBoolean(value(context, "stadtlabore.dev-database.enabled", "true"));
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
