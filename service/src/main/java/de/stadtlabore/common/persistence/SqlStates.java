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

    private SqlStates() {
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
