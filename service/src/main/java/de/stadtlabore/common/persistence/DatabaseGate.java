package de.stadtlabore.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Fails fast while the database is known to be unreachable. Without it, every request of an
 * outage waits for the pool's acquisition timeout — twice, for its rate limit and its work —
 * and holds a worker thread meanwhile. Once a request finds the connection refused or broken,
 * the gate opens: requests answer 503 at once, and one background probe every half second asks
 * the database; its first answer closes the gate. Only a connection failure opens it: a pool
 * that is merely busy is not an outage.
 */
@ApplicationScoped
public class DatabaseGate {

    private static final Logger LOG = Logger.getLogger(DatabaseGate.class);
    private static final long PROBE_INTERVAL_MILLIS = 500;
    private static final int PROBE_TIMEOUT_SECONDS = 2;

    private final AtomicBoolean open = new AtomicBoolean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-probe");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    DataSource dataSource;

    /** Throws {@link DatabaseUnavailableException} while the database is known to be unreachable. */
    public void check() {
        if (open.get()) {
            throw new DatabaseUnavailableException();
        }
    }

    public boolean isOpen() {
        return open.get();
    }

    /** Tells the gate about a failure; it opens if the failure says the database cannot be reached. */
    public void failed(Throwable failure) {
        if (SqlStates.connectionFailed(failure) && open.compareAndSet(false, true)) {
            LOG.warn("Database unreachable: requests answer 503 at once until it answers again");
            schedule();
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
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(PROBE_TIMEOUT_SECONDS)) {
                open.set(false);
                LOG.info("Database reachable again");
                return;
            }
        } catch (SQLException | RuntimeException stillDown) {
            // the next probe follows
        }
        schedule();
    }

    @PreDestroy
    void close() {
        prober.shutdownNow();
    }
}
