package de.stadtlabore.common.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import de.stadtlabore.common.paging.Page;
import de.stadtlabore.common.paging.PageRequest;

/**
 * A native SQL query over one kind of row, narrowed by the filters a caller set ({@link Where}),
 * with German full-text search, run through JDBC ({@link NativeSql}). A page is one query for
 * the ids in a stable order (and a count when the page is full); the entities of the page are
 * then loaded by id.
 * <p>
 * Joined tables ({@link #join}) are part of a statement only when it names their alias (or a
 * joined table that needs them does): a count of public items reads one partial index, not the
 * items joined with their labs. Joins must therefore not narrow the rows (inner joins along
 * non-null foreign keys).
 */
public final class SqlFilter {

    private static final Pattern JOIN = Pattern.compile("\\s*(\\S+)\\s+(\\w+)\\s+on\\s.+", Pattern.DOTALL);
    /** How a statement names each joined table's alias, by join: the joins are constants, compiled once. */
    private static final Map<String, Pattern> ALIAS_USES = new ConcurrentHashMap<>();

    private final String from;
    private final String id;
    private final Where where;
    private final List<String> joins = new ArrayList<>();
    private final List<Pattern> aliases = new ArrayList<>();

    private SqlFilter(String from, String id, String base) {
        this.from = from;
        this.id = id;
        this.where = Where.of(base);
    }

    /**
     * @param from the table and its alias, e.g. {@code item i}
     * @param id   the column that identifies a row, e.g. {@code i.id}
     * @param base a condition every row must meet ({@code true} for none)
     */
    public static SqlFilter from(String from, String id, String base) {
        return new SqlFilter(from, id, base);
    }

    /**
     * Joins a table along a non-null foreign key, e.g. {@code lab l on l.id = i.lab_id}, for the
     * statements that name its alias.
     */
    public SqlFilter join(String table) {
        joins.add(table);
        aliases.add(ALIAS_USES.computeIfAbsent(table, SqlFilter::aliasUse));
        return this;
    }

    private static Pattern aliasUse(String table) {
        Matcher parts = JOIN.matcher(table);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Not a table with an alias and a join condition: " + table);
        }
        return Pattern.compile("(?<![\\w.])" + parts.group(2) + "\\.");
    }

    /** See {@link Where#and(String, String, Object)}. */
    public SqlFilter and(String condition, String parameter, Object value) {
        where.and(condition, parameter, value);
        return this;
    }

    /** See {@link Where#and(String)}. */
    public SqlFilter and(String condition) {
        where.and(condition);
        return this;
    }

    /** See {@link Where#with}. */
    public SqlFilter with(String parameter, Object value) {
        where.with(parameter, value);
        return this;
    }

    /**
     * German full-text search over a {@code tsvector} column, or the text anywhere in the name
     * (search as you type); nothing when {@code text} is null. Binds {@code :text}.
     */
    public SqlFilter matching(String searchVector, String name, String text) {
        if (text != null) {
            where.and(searchVector + " @@ websearch_to_tsquery('german', :text) or " + name
                    + " ilike '%' || :pattern || '%' escape '\\'", "text", text);
            where.with("pattern", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        return this;
    }

    public long count(EntityManager em) {
        return run(em, "count(*)", "", row -> row.getLong(1)).get(0);
    }

    /** The rows' {@code columns} in the given order, {@code limit} rows from {@code offset} on. */
    public List<Object[]> select(EntityManager em, String columns, String orderBy, int offset, int limit) {
        return run(em, columns, " order by " + orderBy + " limit " + limit + " offset " + offset, row -> {
            int width = row.getMetaData().getColumnCount();
            Object[] values = new Object[width];
            for (int i = 0; i < width; i++) {
                values[i] = row.getObject(i + 1);
            }
            return values;
        });
    }

    /** The distinct values of one text column, in order. */
    public List<String> distinct(EntityManager em, String column) {
        return run(em, "distinct " + column, " order by " + column, row -> row.getString(1));
    }

    /**
     * One page: the ids of the page in {@code orderBy} order (which must end in a unique column,
     * so that pages never overlap), then the entities loaded by id, in that order. The total is
     * counted only when the page is full: the ids come straight from an index in that order, and
     * a count over all rows would read every one of them.
     */
    public <T> Page<T> page(EntityManager em, String orderBy, PageRequest page, Function<List<UUID>, List<T>> loadById,
            Function<T, UUID> idOf) {
        List<UUID> ids = select(em, id, orderBy, page.offset(), page.size()).stream().map(row -> (UUID) row[0]).toList();
        long total = total(em, page, ids.size());
        return Page.of(ids.isEmpty() ? List.of() : inOrder(ids, loadById.apply(ids), idOf), page, total);
    }

    /** The total of a query of which a page had {@code found} rows: counted only when it cannot be known. */
    public long total(EntityManager em, PageRequest page, int found) {
        boolean lastPage = found < page.size() && (found > 0 || page.offset() == 0);
        return lastPage ? page.offset() + found : count(em);
    }

    /** Entities in the order of their ids. */
    public static <T> List<T> inOrder(List<UUID> ids, List<T> entities, Function<T, UUID> idOf) {
        Map<UUID, T> byId = new HashMap<>();
        entities.forEach(e -> byId.put(idOf.apply(e), e));
        List<T> ordered = new ArrayList<>(ids.size());
        for (UUID i : ids) {
            T entity = byId.get(i);
            if (entity != null) {
                ordered.add(entity);
            }
        }
        return ordered;
    }

    private <T> List<T> run(EntityManager em, String columns, String tail, NativeSql.RowReader<T> reader) {
        String statement = statement(columns, tail);
        return NativeSql.list(em, statement, where.paramsOf(statement), reader);
    }

    /** The statement selecting {@code columns}, with the joins it needs, the where clause and {@code tail}. */
    String statement(String columns, String tail) {
        String rest = where + tail;
        return "select " + columns + " from " + from + joinsFor(columns + rest) + rest;
    }

    /** The joins a statement needs: those whose alias it names, and those that these need, in order. */
    private String joinsFor(String statement) {
        String uses = statement;
        boolean[] needed = new boolean[joins.size()];
        for (int k = joins.size() - 1; k >= 0; k--) {
            if (aliases.get(k).matcher(uses).find()) {
                needed[k] = true;
                uses = uses + ' ' + joins.get(k).substring(joins.get(k).indexOf(" on "));
            }
        }
        StringBuilder sql = new StringBuilder();
        for (int k = 0; k < joins.size(); k++) {
            if (needed[k]) {
                sql.append(" join ").append(joins.get(k));
            }
        }
        return sql.toString();
    }
}
