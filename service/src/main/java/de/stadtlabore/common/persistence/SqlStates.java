package de.stadtlabore.common.persistence;

import java.sql.SQLException;

/** What PostgreSQL said about a failed statement, found anywhere in an exception's cause chain. */
public final class SqlStates {

    /** Integrity constraint violations: unique keys, foreign keys, checks, exclusions. */
    public static final String INTEGRITY_VIOLATION = "23";
    /** The database rolled a transaction back to let another through: a deadlock or a serialisation failure. */
    public static final String TRANSACTION_ROLLBACK = "40";
    /** An exclusion constraint refused overlapping rows. */
    public static final String EXCLUSION_VIOLATION = "23P01";

    /** The connection failed or broke: the server is down, restarting or unreachable. */
    public static final String CONNECTION_EXCEPTION = "08";
    /** The server ended the session: an administrator's or a crash's shutdown, or it is starting. */
    public static final String OPERATOR_INTERVENTION = "57P";
    /** The server has no room for another connection. */
    public static final String TOO_MANY_CONNECTIONS = "53300";

    private SqlStates() {
    }

    /**
     * Whether the failure is the database being unreachable rather than anything the request
     * did: a broken or refused connection, a server shutting down or starting, or no connection
     * from the pool within its acquisition timeout. Such requests answer 503 and may be retried.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        if (connectionFailed(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (TOO_MANY_CONNECTIONS.equals(state)) {
                    return true;
                }
                // Agroal's pool gave no connection within the acquisition timeout (no SQLSTATE).
                // ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection")
                if (state == null && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a connection to the database was refused or broke, or the server ended the
     * session (shutdown, crash, start-up): the database itself is out of reach, not merely busy.
     */
    public static boolean connectionFailed(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith(CONNECTION_EXCEPTION) || state.startsWith(OPERATOR_INTERVENTION))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a SQLSTATE starting with {@code prefix} is among the causes. */
    public static boolean causedBy(Throwable failure, String prefix) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
