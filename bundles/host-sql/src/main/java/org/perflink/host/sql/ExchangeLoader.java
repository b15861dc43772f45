package org.perflink.host.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.ResultKind;
import org.perflink.host.sql.ExchangeSchema.Input;

/**
 * The host's side of an exchange database, for demos and tests: creates the standard tables, writes contract
 * items into the input tables (their key columns taken from the item, so a row is what a host would write) and
 * reads back the results tables.
 */
public final class ExchangeLoader {

    private final DataSource dataSource;
    private final ExchangeSchema schema;
    private final ObjectMapper mapper = new ObjectMapper();

    public ExchangeLoader(DataSource dataSource, ExchangeSchema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Creates the standard tables ({@code h2} or {@code postgresql} DDL) where they are missing. */
    public void createSchema(String dialect) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : ExchangeSchema.statements(ExchangeSchema.ddl(dialect))) {
                st.execute(sql);
            }
        }
    }

    /** One stage event (its {@code regionCode} and {@code seq} are the row's keys). */
    public void putEvent(JsonNode event) throws SQLException {
        Input in = Input.STAGE_EVENTS;
        String region = event.path("regionCode").asText();
        long seq = event.path("seq").asLong();
        replace(in, List.of(ExchangeSchema.REGION_CODE, in.keyColumn()), List.of(region, seq),
                List.of(), List.of(), event.toString());
    }

    /**
     * One item of an input table other than the events. {@code year} and {@code asOf} are the pull's parameters it
     * answers (null where the table has none; for subregions the budget year); {@code index} names an item whose key cannot be read
     * ({@code ?row-<index>}), as a host's row would have some key of its own.
     */
    public void put(Input in, String regionCode, Integer year, LocalDate asOf, JsonNode item, int index)
            throws SQLException {
        if (in == Input.STAGE_EVENTS) {
            throw new IllegalArgumentException("use putEvent for stage events");
        }
        JsonNode keyNode = item.path(in.keyField());
        String key = keyNode.isTextual() && !keyNode.asText().isBlank() ? keyNode.asText() : "?row-" + index;
        if (in == Input.NOTICE_FEEDBACK) {
            key = key + "@" + item.path("submittedOn").asText("") + "#" + index;
        }
        List<String> keyColumns = new ArrayList<>(List.of(ExchangeSchema.REGION_CODE));
        List<Object> keys = new ArrayList<>(List.of(regionCode));
        if (year != null) {
            keyColumns.add(in.yearColumn());
            keys.add(year);
        }
        if (asOf != null) {
            keyColumns.add(ExchangeSchema.AS_OF);
            keys.add(java.sql.Date.valueOf(asOf));
        }
        keyColumns.add(in.keyColumn());
        keys.add(key);
        List<String> extra = in == Input.PROJECTS ? List.of(ExchangeSchema.REVISION) : List.of();
        List<Object> extraValues = in == Input.PROJECTS ? List.of(item.path("revision").asLong(0)) : List.of();
        replace(in, keyColumns, keys, extra, extraValues, item.toString());
    }

    /** Delete-and-insert by the row's key: what a host re-publishing an item does. */
    private void replace(Input in, List<String> keyColumns, List<Object> keys, List<String> extra,
            List<Object> extraValues, String body) throws SQLException {
        String table = schema.table(in);
        List<String> physicalKeys = keyColumns.stream().map(k -> schema.column(in, k)).toList();
        String where = String.join(" = ? AND ", physicalKeys) + " = ?";
        List<String> columns = new ArrayList<>(physicalKeys);
        extra.forEach(e -> columns.add(schema.column(in, e)));
        columns.add(schema.column(in, ExchangeSchema.BODY));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a reader never sees the row missing
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
                for (int i = 0; i < keys.size(); i++) {
                    del.setObject(i + 1, keys.get(i));
                }
                del.executeUpdate();
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.size() - 1) + "?)";
            try (PreparedStatement ins = c.prepareStatement(insert)) {
                int i = 1;
                for (Object k : keys) {
                    ins.setObject(i++, k);
                }
                for (Object v : extraValues) {
                    ins.setObject(i++, v);
                }
                ins.setString(i, body);
                ins.executeUpdate();
            }
            c.commit();
        }
    }

    /** A results table as {@code {"items": [{"region", "id", "body", "writtenAt"}]}}, by region and id. */
    public ObjectNode results(ResultKind kind) throws SQLException {
        String table = schema.resultTable(kind);
        String t = ExchangeSchema.resultsTable(kind);
        String region = schema.column(t, ExchangeSchema.REGION_CODE);
        String id = schema.column(t, ExchangeSchema.ID);
        String sql = "SELECT " + region + ", " + id + ", " + schema.column(t, ExchangeSchema.BODY) + ", "
                + schema.column(t, ExchangeSchema.WRITTEN_AT) + " FROM " + table + " ORDER BY " + region + ", " + id;
        ObjectNode out = mapper.createObjectNode();
        ArrayNode items = out.putArray("items");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ObjectNode row = items.addObject();
                row.put("region", rs.getString(1));
                row.put("id", rs.getString(2));
                try {
                    row.set("body", mapper.readTree(rs.getString(3)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException(table + " id " + rs.getString(2) + ": body is not JSON", e);
                }
                row.put("writtenAt", rs.getTimestamp(4).toInstant().toString());
            }
        }
        return out;
    }
}
