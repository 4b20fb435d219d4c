package de.stadtlabore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the packaged service meets in production, started on 127.0.0.1 for the integration
 * tests: a PostgreSQL server of its own, and a real Keycloak 26 (the distribution from Maven
 * Central, unpacked by the build) with the demo realms of {@code deploy/keycloak/demo/}.
 * Keycloak needs a JDK 21 or newer: {@code KEYCLOAK_JAVA_HOME}, else the first such JDK under
 * {@code /usr/lib/jvm}, else the running one.
 */
public class KeycloakAndDatabase implements QuarkusTestResourceLifecycleManager {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private static volatile String keycloakUrl;
    private static volatile String adminPassword;
    private static volatile String jdbcUrl;
    private static volatile Map<String, String> properties;
    private static volatile int managementPort;

    private static volatile Postgres postgres;
    private Process keycloak;

    public static String keycloakUrl() {
        return keycloakUrl;
    }

    public static String adminPassword() {
        return adminPassword;
    }

    public static String jdbcUrl() {
        return jdbcUrl;
    }

    /** A connection to the service's database, for checking what it wrote. */
    public static java.sql.Connection connect() throws java.sql.SQLException {
        return postgres.connect();
    }

    /** The port of the packaged service's management interface (health, metrics). */
    public static int managementPort() {
        return managementPort;
    }

    /** The settings the packaged service was started with, for starting a second replica. */
    public static Map<String, String> properties() {
        return properties;
    }

    @Override
    public Map<String, String> start() {
        try {
            // Durable as in production (fsync, synchronous commit): what a killed replica had
            // acknowledged must be there afterwards.
            postgres = Postgres.start();
            jdbcUrl = postgres.jdbcUrl();
            startKeycloak();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            managementPort = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties = Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "unused-with-trust-auth"),
                Map.entry("stadtlabore.identity.network-issuers", keycloakUrl + "/realms/stadtlabore-netzwerk"),
                // Keycloak runs beside the service on loopback, as an operator may allow.
                Map.entry("stadtlabore.identity.provider-urls.allow-http", "true"),
                Map.entry("stadtlabore.identity.provider-urls.allow-loopback", "true"),
                // The tests use tokens the moment the package is up.
                Map.entry("stadtlabore.identity.await-keys-at-start", "true"),
                // Small enough for PackagedServiceIT to use up across two replicas.
                Map.entry("stadtlabore.rate-limit.feed", "6"),
                Map.entry("stadtlabore.rate-limit.feed-window", "1H"),
                // Webhook receivers of the tests listen on loopback; replicas started by a test
                // deliver (it switches them on), the instance under test does not.
                Map.entry("stadtlabore.webhooks.allow-http", "true"),
                Map.entry("stadtlabore.webhooks.allow-loopback", "true"),
                Map.entry("stadtlabore.webhooks.enabled", "false"),
                Map.entry("stadtlabore.webhooks.poll-interval", "500MS"),
                // Tests stop replicas often; the graceful-shutdown test sets its own delay.
                Map.entry("quarkus.shutdown.delay", "1S"),
                Map.entry("quarkus.management.port", Integer.toString(managementPort)));
        return properties;
    }

    private void startKeycloak() throws IOException {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + " (unpacked by mvn pre-integration-test)");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (Stream<Path> realms = Files.list(Repository.file("deploy/keycloak/demo"))) {
            for (Path realm : realms.filter(f -> f.toString().endsWith("-realm.json")).toList()) {
                Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        int port = freePort();
        int managementPort = freePort();
        adminPassword = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--health-enabled=true", "--db=dev-mem", "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "keycloak.log").toFile());
        Path javaHome = javaHome();
        builder.environment().put("JAVA_HOME", javaHome.toString());
        if (featureVersion(javaHome) >= 24) {
            // Keycloak's libraries still use sun.misc.Unsafe; keep newer JDKs from flooding the log.
            builder.environment().put("JAVA_OPTS_APPEND",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow");
        }
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        keycloak = builder.start();
        keycloakUrl = "http://127.0.0.1:" + port;
        awaitReady("http://127.0.0.1:" + managementPort + "/health/ready");
    }

    private void awaitReady(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            Awaitility.await("Keycloak ready (see target/keycloak.log)")
                    .atMost(STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!keycloak.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with " + keycloak.exitValue()
                                    + "; see target/keycloak.log");
                        }
                        try {
                            return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notListeningYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            try {
                if (!keycloak.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                    keycloak.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A JDK that runs Keycloak 26 (21 or newer). */
    static Path javaHome() {
        Optional<Path> configured = Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).map(Path::of);
        if (configured.isPresent()) {
            return configured.get();
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> candidates = Files.list(jvms)) {
                List<Path> modern = candidates.filter(p -> featureVersion(p) >= 21)
                        .sorted(Comparator.comparingInt(KeycloakAndDatabase::featureVersion).reversed()).toList();
                if (!modern.isEmpty()) {
                    return modern.get(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        throw new IllegalStateException("Keycloak 26 needs a JDK 21 or newer; set KEYCLOAK_JAVA_HOME");
    }

    private static int featureVersion(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(jdk.resolve("bin/java"))) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
