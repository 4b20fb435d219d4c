package de.stadtlabore.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * Another replica of the packaged service (java -jar target/quarkus-app/quarkus-run.jar) on the
 * database and identity providers of {@link KeycloakAndDatabase}, on ports of its own: for what
 * must hold with several replicas.
 */
public final class Replica implements AutoCloseable {

    private final Process process;
    private final int port;

    private Replica(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a replica with these properties on top of the shared ones, and waits until it answers. */
    public static Replica start(String name, Map<String, String> overrides) throws IOException {
        int port;
        int managementPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            managementPort = b.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        KeycloakAndDatabase.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        overrides.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile()).start();
        Replica replica = new Replica(process, port);
        try {
            Awaitility.await(name + " answers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> given().baseUri(replica.baseUri()).port(port).when().get("/labs")
                            .statusCode() == 200);
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
        return replica;
    }

    public String baseUri() {
        return "http://127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it does. */
    public void kill() {
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
