package org.perflink.host.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.host.HostException;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.StageEvent;
import org.perflink.host.http.ContractItems;
import org.perflink.host.sql.ExchangeSchema;
import org.perflink.host.sql.ExchangeSchema.Input;

/**
 * Reads pages of an exchange database's input tables. Paging is by key (keyset, {@code key > cursor ORDER BY key})
 * and the page size is the JDBC {@code maxRows} of the statement, so no dialect's LIMIT/FETCH/ROWNUM is needed.
 * Each row's body is read by {@link ContractItems}, as an HTTP page's item is, and a bad row comes back
 * {@link Parsed#invalid} with the row's table, key and column in its error, the path inside the body as its path.
 */
final class ExchangeReader {

    /** What selects the rows of one pull besides the region: year, cut-off date, a list of keys. */
    record Filter(Integer year, LocalDate asOf, List<String> keys) {
        static Filter year(int year) {
            return new Filter(year, null, List.of());
        }

        static Filter none() {
            return new Filter(null, null, List.of());
        }
    }

    private final DataSource dataSource;
    private final ExchangeSchema schema;
    private final ContractItems items;
    private final ObjectMapper mapper;

    ExchangeReader(DataSource dataSource, ExchangeSchema schema, ContractItems items, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.items = items;
        this.mapper = mapper;
    }

    /** Stage events after {@code afterSeq}; a row that does not match the contract stops the feed, naming it. */
    List<StageEvent> events(String regionCode, long afterSeq, int limit) throws HostException {
        Input in = Input.STAGE_EVENTS;
        String seq = schema.column(in, in.keyColumn());
        String sql = "SELECT " + seq + ", " + schema.column(in, ExchangeSchema.BODY) + " FROM " + schema.table(in)
                + " WHERE " + schema.column(in, ExchangeSchema.REGION_CODE) + " = ? AND " + seq + " > ? ORDER BY " + seq;
        List<StageEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, regionCode);
            st.setLong(2, afterSeq);
            st.setMaxRows(limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long rowSeq = rs.getLong(1);
                    events.add(event(regionCode, rowSeq, rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw unreachable(in, e);
        }
        return events;
    }

    private StageEvent event(String regionCode, long rowSeq, String body) throws HostException {
        String where = "exchange table " + schema.table(Input.STAGE_EVENTS) + ", key " + regionCode + "/" + rowSeq
                + ", column " + schema.column(Input.STAGE_EVENTS, ExchangeSchema.BODY);
        StageEvent event;
        try {
            event = body == null ? null : mapper.readValue(body, StageEvent.class);
        } catch (JsonProcessingException e) {
            // as over HTTP: the feed is the one thing PerfLink cannot skip past unnoticed
            throw new HostException("stage event " + rowSeq + " of region " + regionCode + " (" + where
                    + ") does not match the contract: " + e.getOriginalMessage());
        }
        if (event == null || event.seq() != rowSeq || !regionCode.equals(event.regionCode())) {
            throw new HostException("stage event " + rowSeq + " of region " + regionCode + " (" + where
                    + "): the body is empty or its seq/regionCode differ from the row's");
        }
        return event;
    }

    /** One page of an item table. The cursor is the last key of the previous page. */
    <T> Page<Parsed<T>> page(Input in, Class<T> type, String regionCode, Filter filter, String cursor, int limit)
            throws HostException {
        String key = schema.column(in, in.keyColumn());
        StringBuilder sql = new StringBuilder("SELECT ").append(key).append(", ")
                .append(schema.column(in, ExchangeSchema.BODY));
        if (in == Input.PROJECTS) {
            sql.append(", ").append(schema.column(in, ExchangeSchema.REVISION));
        }
        sql.append(" FROM ").append(schema.table(in)).append(" WHERE ")
                .append(schema.column(in, ExchangeSchema.REGION_CODE)).append(" = ?");
        List<Object> args = new ArrayList<>(List.of(regionCode));
        if (filter.year() != null) {
            sql.append(" AND ").append(schema.column(in, in.yearColumn())).append(" = ?");
            args.add(filter.year());
        }
        if (filter.asOf() != null) {
            sql.append(" AND ").append(schema.column(in, ExchangeSchema.AS_OF)).append(" = ?");
            args.add(java.sql.Date.valueOf(filter.asOf()));
        }
        if (!filter.keys().isEmpty()) {
            sql.append(" AND ").append(key).append(" IN (").append("?, ".repeat(filter.keys().size() - 1)).append("?)");
            args.addAll(filter.keys());
        }
        if (cursor != null) {
            sql.append(" AND ").append(key).append(" > ?");
            args.add(cursor);
        }
        sql.append(" ORDER BY ").append(key);
        List<Parsed<T>> out = new ArrayList<>();
        String lastKey = null;
        boolean more = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            st.setMaxRows(limit + 1); // one more than asked: whether there is a next page
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (out.size() == limit) {
                        more = true;
                        break;
                    }
                    lastKey = rs.getString(1);
                    long revision = in == Input.PROJECTS ? rs.getLong(3) : 0;
                    out.add(row(in, type, lastKey, rs.getString(2), revision));
                }
            }
        } catch (SQLException e) {
            throw unreachable(in, e);
        }
        return new Page<>(out, more ? lastKey : null);
    }

    /** One row's item, checked as an HTTP item is, and against the row's own key column. */
    <T> Parsed<T> row(Input in, Class<T> type, String rowKey, String body, long rowRevision) {
        String bodyColumn = schema.column(in, ExchangeSchema.BODY);
        String where = "交换库 exchange table " + schema.table(in) + ", key " + rowKey + ", column " + bodyColumn;
        boolean keyRepeated = in != Input.NOTICE_FEEDBACK;
        if (body == null || body.isBlank()) {
            return Parsed.invalid(keyRepeated ? rowKey : null, rowRevision, "", where + ": body is empty");
        }
        Parsed<T> p = items.parse(body, type, in.keyField());
        if (!p.valid()) {
            // the row's key column identifies the item even where its body cannot be read
            String key = p.identified() || !keyRepeated ? p.key() : rowKey;
            long revision = p.revision() != 0 ? p.revision() : rowRevision;
            return Parsed.invalid(key, revision, p.errorPath(), where + ": " + p.error());
        }
        if (keyRepeated && !rowKey.equals(p.key())) {
            String keyColumn = schema.column(in, in.keyColumn());
            return Parsed.invalid(rowKey, rowRevision, in.keyField(), where + ": '" + in.keyField() + "' is '" + p.key()
                    + "' but column " + keyColumn + " says '" + rowKey + "'");
        }
        return p;
    }

    private HostException unreachable(Input in, SQLException e) {
        return new HostException("exchange database: reading " + schema.table(in) + " failed (SQLState "
                + e.getSQLState() + "): " + e.getMessage(), e);
    }
}
