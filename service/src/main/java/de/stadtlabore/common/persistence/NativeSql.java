package de.stadtlabore.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Runs a native SQL statement with named parameters ({@code :name}) straight through JDBC, on the
 * connection of the current transaction. The lists and searches build their SQL from the filters
 * a caller set; through Hibernate each variant would be a new entry of its native-query
 * interpretation cache, whose keys hash alike, so that every lookup walked a long collision chain.
 * A collection parameter stands for a list of values, as in JPA ({@code in (:values)}). Features
 * use it where Hibernate would translate a query again for every execution (parameters in the
 * select clause).
 */
public final class NativeSql {

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private NativeSql() {
    }

    public static <T> List<T> list(EntityManager em, String statement, Map<String, Object> params, RowReader<T> reader) {
        List<Object> values = new ArrayList<>();
        String sql = positional(statement, params, values);
        return em.unwrap(Session.class).doReturningWork(connection -> run(connection, sql, values, reader));
    }

    private static <T> List<T> run(Connection connection, String sql, List<Object> values, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                prepared.setObject(i + 1, values.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = prepared.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
    }

    /**
     * The statement with each {@code :name} replaced by {@code ?} (one per element for a
     * collection), and the values in that order. String literals, quoted identifiers and
     * PostgreSQL casts ({@code ::}) are left alone.
     */
    static String positional(String statement, Map<String, Object> params, List<Object> values) {
        StringBuilder sql = new StringBuilder(statement.length());
        int length = statement.length();
        for (int at = 0; at < length; at++) {
            char c = statement.charAt(at);
            if (c == '\'' || c == '"') {
                int end = statement.indexOf(c, at + 1);
                end = end < 0 ? length - 1 : end;
                sql.append(statement, at, end + 1);
                at = end;
            } else if (c == ':' && at + 1 < length && statement.charAt(at + 1) == ':') {
                sql.append("::");
                at++;
            } else if (c == ':' && at + 1 < length && Character.isJavaIdentifierStart(statement.charAt(at + 1))) {
                int end = at + 1;
                while (end < length && Character.isJavaIdentifierPart(statement.charAt(end))) {
                    end++;
                }
                String name = statement.substring(at + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + statement);
                }
                bind(params.get(name), sql, values);
                at = end - 1;
            } else {
                sql.append(c);
            }
        }
        return sql.toString();
    }

    private static void bind(Object value, StringBuilder sql, List<Object> values) {
        if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                sql.append("null");
                return;
            }
            String separator = "";
            for (Object element : collection) {
                sql.append(separator).append('?');
                values.add(jdbcValue(element));
                separator = ", ";
            }
            return;
        }
        sql.append('?');
        values.add(jdbcValue(value));
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> constant) {
            throw new IllegalArgumentException("Bind the wire name of " + constant + ", not the constant");
        }
        return value;
    }
}
