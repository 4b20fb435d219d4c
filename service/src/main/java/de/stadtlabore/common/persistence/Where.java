package de.stadtlabore.common.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A where clause built from the filters a caller set: a condition with its named parameter is
 * added only when the filter has a value. Works for JPQL and for native SQL.
 */
public final class Where {

    private final StringBuilder clause;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private Where(String base) {
        this.clause = new StringBuilder("(").append(base).append(')');
    }

    /** A clause that starts with a condition every row must meet ({@code true} for none). */
    public static Where of(String base) {
        return new Where(base);
    }

    /** Adds {@code and (condition)} when {@code value} is given; the condition names {@code :parameter}. */
    public Where and(String condition, String parameter, Object value) {
        if (value != null) {
            clause.append(" and (").append(condition).append(')');
            params.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition whose parameters are bound with {@link #with}. */
    public Where and(String condition) {
        clause.append(" and (").append(condition).append(')');
        return this;
    }

    /** Binds a parameter that a condition, a column or the order uses. */
    public Where with(String parameter, Object value) {
        params.put(parameter, value);
        return this;
    }

    /** {@code " where …"}, to append to a query. */
    @Override
    public String toString() {
        return " where " + clause;
    }

    /** The parameters a statement uses, so that none is bound that it does not name. */
    public Map<String, Object> paramsOf(String statement) {
        Map<String, Object> used = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (names(statement, name)) {
                used.put(name, value);
            }
        });
        return used;
    }

    /** Whether {@code :name} stands in the statement as a whole parameter name. */
    private static boolean names(String statement, String name) {
        String parameter = ":" + name;
        for (int at = statement.indexOf(parameter); at >= 0; at = statement.indexOf(parameter, at + 1)) {
            int end = at + parameter.length();
            if (end == statement.length() || !Character.isJavaIdentifierPart(statement.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    /** The parameters this clause uses. */
    public Map<String, Object> params() {
        return paramsOf(clause.toString());
    }
}
