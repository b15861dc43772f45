package org.perflink.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sheet of an xlsx export: its name, its column names (Chinese first) and its rows. A cell is null (empty), a
 * {@link Number} (written as a number, so a spreadsheet can sum it) or anything else (written as guarded text).
 */
public record SheetTable(String name, List<String> columns, List<List<Object>> rows) {

    /** Excel's limit for a sheet name. */
    static final int MAX_NAME = 31;

    public SheetTable {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.matches(".*[\\[\\]:*?/\\\\].*")) {
            throw new IllegalArgumentException("工作表名称无效 (invalid sheet name) '" + name
                    + "': 1 to 31 characters, none of [ ] : * ? / \\");
        }
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("sheet " + name + ": a row of " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copied);
    }

    /** A builder-style start: the sheet's name and columns, rows added with {@link Builder#row}. */
    public static Builder named(String name, List<String> columns) {
        return new Builder(name, columns);
    }

    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public SheetTable build() {
            return new SheetTable(name, columns, rows);
        }
    }
}
