package de.stadtlabore.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * Database sessions that play another client in the middle of its transaction, for tests that
 * must interleave two writes exactly: the session holds a row, a request runs into it and waits.
 */
public final class Sessions {

    private Sessions() {
    }

    /** Waits until some request of the service waits for a lock (the one the session holds). */
    public static void awaitRequestWaitingForALock(Connection watcher) {
        Awaitility.await("a request waits for the row the test holds").atMost(Duration.ofSeconds(30))
                .until(() -> waitingForALock(watcher));
    }

    private static boolean waitingForALock(Connection watcher) throws SQLException {
        try (var query = watcher.prepareStatement("select count(*) from pg_stat_activity"
                + " where wait_event_type = 'Lock' and datname = current_database()"); var rows = query.executeQuery()) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }
}
