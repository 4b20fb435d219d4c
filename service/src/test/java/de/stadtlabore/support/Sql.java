package de.stadtlabore.support;

import java.sql.SQLException;

import javax.sql.DataSource;

/** Looks straight into the database a test's service runs on, past the API. */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row: a {@code select count(*) …} and the like. */
    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** A statement that changes rows, e.g. to move a test's data into the past. */
    public static void update(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
