package org.perflink.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.perflink.store.Page;

/**
 * The admin page's lists as the store reads them (issue 15), shared by the result, dead-letter and audit pages: a
 * WHERE clause built one filter at a time with its parameters (an absent filter adds nothing), LIKE patterns whose
 * wildcards in the search are literal, and a page read with it, either counted ({@link #page}) or with one row past
 * the page to tell whether more follow ({@link #lookAhead}).
 */
final class PageQuery {

    /** Reads one row of a page. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final StringBuilder where = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition with its parameters (Strings, Integers, Longs, Instants). */
    PageQuery and(String condition, Object... values) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** {@code column = value}, or nothing when the value is null. */
    PageQuery equal(String column, Object value) {
        return value == null ? this : and(column + " = ?", value);
    }

    /** {@code column} starts with {@code prefix} (its wildcards literal), or nothing when it is null or empty. */
    PageQuery startsWith(String column, String prefix) {
        return prefix == null || prefix.isEmpty() ? this : and(column + " LIKE ? ESCAPE '!'", startsWith(prefix));
    }

    String where() {
        return where.toString();
    }

    /** A LIKE pattern matching what starts with {@code text}. */
    static String startsWith(String text) {
        return escape(text) + "%";
    }

    /** A LIKE pattern for {@code LOWER(column)} matching what holds {@code text} in any case. */
    static String contains(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    /** {@code text} with the LIKE wildcards (and the escape character {@code !}) escaped. */
    static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static void checkPage(int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and limit > 0: " + offset + ", " + limit);
        }
    }

    /**
     * A page of the {@code columns} of {@code table} with this WHERE clause in {@code order}, and the number of rows
     * the clause selects as its total.
     */
    <T> Page<T> page(Connection c, String table, String columns, String order, int offset, int limit,
            RowReader<T> reader) throws SQLException {
        checkPage(offset, limit);
        List<T> items = read(c, table, columns, order, offset, limit, reader);
        long total;
        if (items.size() < limit && (offset == 0 || !items.isEmpty())) {
            total = offset + items.size(); // the page reached the end: no need to count
        } else {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + where)) {
                bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        }
        return new Page<>(items, total, offset, limit);
    }

    /**
     * A page read with one row more: its total exact when the page reaches the end of the list, else
     * {@code unknown} (counting would read every matching row of a province).
     */
    <T> Page<T> lookAhead(Connection c, String table, String columns, String order, int offset, int limit,
            long unknown, RowReader<T> reader) throws SQLException {
        checkPage(offset, limit);
        List<T> items = read(c, table, columns, order, offset, limit == Integer.MAX_VALUE ? limit : limit + 1, reader);
        boolean more = items.size() > limit;
        return new Page<>(more ? items.subList(0, limit) : items, more ? unknown : offset + items.size(), offset, limit);
    }

    private <T> List<T> read(Connection c, String table, String columns, String order, int offset, int fetch,
            RowReader<T> reader) throws SQLException {
        List<T> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + where + " ORDER BY " + order
                + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int i = bind(ps, 1);
            ps.setInt(i++, offset);
            ps.setInt(i, fetch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(reader.read(rs));
                }
            }
        }
        return items;
    }

    private int bind(PreparedStatement ps, int from) throws SQLException {
        int i = from;
        for (Object p : params) {
            if (p instanceof Instant t) {
                ps.setObject(i++, Jdbc.ts(t));
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }
}
