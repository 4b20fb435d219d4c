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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import io.restassured.specification.RequestSpecification;

/**
 * Another replica of the packaged service (java -jar target/quarkus-app/quarkus-run.jar) on the
 * database and identity providers of {@link KeycloakAndDatabase}, on ports of its own: for what
 * must hold with several replicas, and for faults (a database of its own, SIGKILL, SIGTERM).
 */
public final class Replica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;

    private Replica(String name, Process process, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts a replica with these properties on top of the shared ones, and waits until it answers. */
    public static Replica start(String name, Map<String, String> overrides) throws IOException {
        Replica replica = launch(name, overrides);
        try {
            replica.awaitReady(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
        return replica;
    }

    /** Starts a replica without waiting for it: for starting several at the same moment. */
    public static Replica launch(String name, Map<String, String> overrides) throws IOException {
        int port;
        int managementPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            managementPort = b.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // Tests start many replicas on two cores: the quick compiler only, for a faster start.
        command.add("-XX:TieredStopAtLevel=1");
        KeycloakAndDatabase.properties().forEach((key, value) -> {
            if (!overrides.containsKey(key)) {
                command.add("-D" + key + "=" + value);
            }
        });
        overrides.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile()).start();
        return new Replica(name, process, port, managementPort);
    }

    /** Where a replica's output goes. */
    public static Path log(String name) {
        return Path.of("target", name + ".log");
    }

    /** Waits until the replica is ready (its readiness probe answers 200). */
    public void awaitReady(Duration atMost) {
        Awaitility.await(name + " ready (see " + log(name) + ")").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue());
                    }
                    return ready();
                });
    }

    /** Whether the readiness probe answers 200 now (false when nothing answers). */
    public boolean ready() {
        return probe("ready") == 200;
    }

    /** The status of {@code /q/health/<kind>} on the management interface; 0 when nothing answers. */
    public int probe(String kind) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(management() + "health/" + kind))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A request to this replica. */
    public RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri(baseUri()).port(port);
    }

    public String baseUri() {
        return "http://127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Base URL of the management interface, ending in {@code /q/}. */
    public String management() {
        return "http://127.0.0.1:" + managementPort + "/q/";
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** What the replica wrote to its console so far. */
    public String output() {
        try {
            return Files.readString(log(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it does. */
    public void kill() {
        process.toHandle().destroyForcibly();
        await(Duration.ofSeconds(30));
    }

    /** SIGTERM, as Kubernetes stops a pod; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or -1 if it still runs. */
    public int await(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        if (await(Duration.ofSeconds(60)) == -1) {
            kill();
        }
    }
}
