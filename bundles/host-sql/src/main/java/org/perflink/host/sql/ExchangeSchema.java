package org.perflink.host.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.perflink.api.model.ResultKind;

/**
 * The exchange schema (docs/host-sql.md): one input table per pull of host contract v1, one results table per
 * result kind, and the per-host mapping of its logical table and column names onto the host's own tables, views
 * and columns. Every input row carries the contract's item as JSON text in its {@code body} column, with the
 * item's keys beside it for filtering and paging; PerfLink reads the body as an HTTP page's item is read.
 */
public final class ExchangeSchema {

    /** An input table: its logical name, the column it is paged by (keyset), and the item's key field. */
    public enum Input {
        STAGE_EVENTS("pl_stage_events", "seq", "seq"),
        PROJECTS("pl_projects", "project_code", "projectCode"),
        EXECUTION("pl_execution", "project_code", "projectCode"),
        EVALUATIONS("pl_evaluations", "project_code", "projectCode"),
        DEPARTMENTS("pl_departments", "department_code", "departmentCode"),
        EVALUATORS("pl_evaluators", "evaluator_id", "evaluatorId"),
        NOTICE_FEEDBACK("pl_notice_feedback", "feedback_id", "noticeId"),
        /** v1.1 {@code subregions}: by the budget year the baselines are for, not by the evaluation year. */
        SUBREGIONS("pl_subregions", "subregion_code", "regionCode");

        private final String table;
        private final String keyColumn;
        private final String keyField;

        Input(String table, String keyColumn, String keyField) {
            this.table = table;
            this.keyColumn = keyColumn;
            this.keyField = keyField;
        }

        public String table() {
            return table;
        }

        public String keyColumn() {
            return keyColumn;
        }

        /** The item's field that {@link #keyColumn()} repeats (for {@link #NOTICE_FEEDBACK}: the notice it answers). */
        public String keyField() {
            return keyField;
        }

        /** The column a pull's year selects: {@code fiscal_year}, or {@code budget_year} for {@link #SUBREGIONS}. */
        public String yearColumn() {
            return this == SUBREGIONS ? BUDGET_YEAR : YEAR;
        }

        /** The logical name used in a mapping: {@code projects}, {@code stage_events}, … */
        public String logicalName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Columns of the input tables besides the key column (not every table has each). */
    public static final String REGION_CODE = "region_code";
    public static final String YEAR = "fiscal_year";
    public static final String AS_OF = "as_of";
    /** The budget year of {@code pl_subregions} (the year the transfer baselines are for). */
    public static final String BUDGET_YEAR = "budget_year";
    public static final String REVISION = "revision";
    public static final String BODY = "body";

    /** Columns of a results table (besides region_code, fiscal_year and body). */
    public static final String ID = "id";
    public static final String SUBJECT_CODE = "subject_code";
    public static final String WRITTEN_AT = "written_at";

    /** A plain or schema-qualified SQL identifier: nothing that could be more than a name in a statement. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}(\\.[A-Za-z_][A-Za-z0-9_$]{0,62})?");

    private final Map<String, String> tables;
    private final Map<String, String> columns;

    private ExchangeSchema(Map<String, String> tables, Map<String, String> columns) {
        this.tables = tables;
        this.columns = columns;
    }

    /** The schema with its own names (the DDL in the bundle and in docs/). */
    public static ExchangeSchema standard() {
        return new ExchangeSchema(Map.of(), Map.of());
    }

    /**
     * The schema with a host's names. {@code tableMap}: {@code logical=physical}, logical being an input's
     * {@link Input#logicalName()} or a results table's {@link #resultsLogicalName(ResultKind)} (e.g.
     * {@code projects=JX.V_XMJXMB}, {@code verdicts=JX.T_SHJG}). {@code columnMap}: {@code [logical table.]column=physical}
     * ({@code body=NR} for every table, {@code projects.project_code=XMDM} for one).
     */
    public static ExchangeSchema mapped(List<String> tableMap, List<String> columnMap) {
        Map<String, String> logicalTables = new HashMap<>();
        for (Input in : Input.values()) {
            logicalTables.put(in.logicalName(), in.table());
        }
        for (ResultKind kind : ResultKind.values()) {
            logicalTables.put(resultsLogicalName(kind), resultsTable(kind));
        }
        Map<String, String> tables = new HashMap<>();
        for (Map.Entry<String, String> e : pairs(tableMap, "tables").entrySet()) {
            String table = logicalTables.get(e.getKey());
            if (table == null) {
                throw new IllegalArgumentException("tables: unknown exchange table '" + e.getKey() + "'; known: "
                        + logicalTables.keySet().stream().sorted().toList());
            }
            tables.put(table, e.getValue());
        }
        Map<String, String> columns = new HashMap<>();
        for (Map.Entry<String, String> e : pairs(columnMap, "columns").entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            if (dot > 0) {
                String table = logicalTables.get(key.substring(0, dot));
                if (table == null) {
                    throw new IllegalArgumentException("columns: unknown exchange table in '" + key + "'");
                }
                key = table + "." + key.substring(dot + 1);
            }
            columns.put(key, e.getValue());
        }
        return new ExchangeSchema(Map.copyOf(tables), Map.copyOf(columns));
    }

    private static Map<String, String> pairs(List<String> entries, String what) {
        Map<String, String> out = new HashMap<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? "" : entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (key.isEmpty() || !IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException(what + ": '" + entry + "' is not logical=NAME with NAME an SQL identifier"
                        + " (letters, digits, _ and $, optionally schema-qualified)");
            }
            out.put(key, value);
        }
        return out;
    }

    /** {@code verdicts}, {@code scores}, … as in a mapping. */
    public static String resultsLogicalName(ResultKind kind) {
        return kind.collection();
    }

    /** The standard name of a kind's results table: {@code pl_verdicts}, {@code pl_scores}, … */
    public static String resultsTable(ResultKind kind) {
        return "pl_" + kind.collection();
    }

    /** The host's name of a standard table. */
    public String table(String standardTable) {
        return tables.getOrDefault(standardTable, standardTable);
    }

    public String table(Input input) {
        return table(input.table());
    }

    public String resultTable(ResultKind kind) {
        return table(resultsTable(kind));
    }

    /** The host's name of a standard column of a standard table: a per-table mapping, else one for every table. */
    public String column(String standardTable, String column) {
        String own = columns.get(standardTable + "." + column);
        return own != null ? own : columns.getOrDefault(column, column);
    }

    public String column(Input input, String column) {
        return column(input.table(), column);
    }

    /** The standard DDL ({@code h2} or {@code postgresql}) shipped in this bundle. */
    public static String ddl(String dialect) {
        String name = "exchange-" + dialect.toLowerCase(Locale.ROOT) + ".sql";
        try (var in = ExchangeSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no exchange DDL for '" + dialect + "' (h2, postgresql)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The statements of a DDL script: split at ';' at the end of a line, comments dropped. */
    public static List<String> statements(String script) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }
}
