package de.stadtlabore.common.persistence;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fails fast while the database is known to be unreachable. Without it, every request of an
 * outage waits for the pool's acquisition timeout — twice, for its rate limit and its work —
 * and holds a worker thread meanwhile. When a request finds a connection refused or broken, a
 * probe asks the database at once; if it does not answer either, the gate opens: requests answer
 * 503 at once, and a background probe every half second asks again; its first answer closes the
 * gate. Only connection failures confirmed by a probe open it: a pool that is merely busy, or one
 * connection that broke, is not an outage.
 */
@ApplicationScoped
public class DatabaseGate {

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class);
    private static final long PROBE_INTERVAL_MILLIS = 500;
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final AtomicBoolean open = new AtomicBoolean();
    /** A probe is checking whether a connection failure means an outage. */
    private final AtomicBoolean confirming = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-probe");
        thread.setDaemon(true);
        return thread;
    });

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    java.util.Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    /** Throws {@link DatabaseUnavailableException} while the database is known to be unreachable. */
    public void check() {
        if (open.get()) {
            throw new DatabaseUnavailableException();
        }
    }

    public boolean isOpen() {
        return open.get();
    }

    /**
     * Tells the gate about a failure. A connection failure makes it ask the database at once
     * (one connection breaking, or one session ended by an administrator, is no outage); only
     * if that probe fails too does the gate open.
     */
    public void failed(Throwable failure) {
        if (SqlStates.connectionFailed(failure) && !open.get() && confirming.compareAndSet(false, true)) {
            try {
                prober.execute(this::confirm);
            } catch (RejectedExecutionException stopping) {
                confirming.set(false);
            }
        }
    }

    private void confirm() {
        try {
            if (!reachable() && open.compareAndSet(false, true)) {
                LOG.warn("Database unreachable: requests answer 503 at once until it answers again");
                schedule();
            }
        } finally {
            confirming.set(false);
        }
    }

    private void schedule() {
        try {
            prober.schedule(this::probe, PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            open.set(false);
        }
    }

    private void probe() {
        boolean reachable = false;
        try {
            reachable = reachable();
        } finally {
            if (reachable) {
                open.set(false);
                LOG.info("Database reachable again");
            } else {
                schedule();
            }
        }
    }

    /**
     * Whether the database answers now; never throws. A connection of its own, not one of the
     * pool's: a refused connection fails at once instead of after the pool's acquisition timeout.
     */
    private boolean reachable() {
        java.util.Properties properties = new java.util.Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(PROBE_TIMEOUT_SECONDS));
        try (Connection connection = java.sql.DriverManager.getConnection(url, properties)) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (Throwable stillDown) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        prober.shutdownNow();
    }
}
