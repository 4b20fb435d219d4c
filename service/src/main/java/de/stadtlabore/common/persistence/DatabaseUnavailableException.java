package de.stadtlabore.common.persistence;

/** The database is known to be unreachable right now (see {@link DatabaseGate}): answered with 503. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException() {
        super("The database is unreachable", null, false, false);
    }
}
