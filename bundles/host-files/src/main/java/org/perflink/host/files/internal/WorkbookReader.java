package org.perflink.host.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a workbook (.xlsx) of 项目支出绩效目标申报表 or 项目支出绩效自评表, one project per sheet (docs/host-files.md):
 * a title naming the form, header fields as label/value pairs left to right (项目名称 | … | 项目编码 | …), then the
 * indicator table under a heading row with 一级指标 … 三级指标, label rows after it (自评得分 | 95) still header
 * fields. Blank 一级/二级 cells repeat the cell above (merged cells). A sheet with neither a title nor a table
 * (instructions, a cover) is skipped with a note.
 */
final class WorkbookReader {

    private WorkbookReader() {
    }

    static Submission read(String file, InputStream in) throws IOException {
        Submission s = new Submission(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
            for (Sheet sheet : wb.getSheets().toList()) {
                readSheet(s, sheet.getName(), sheet.read());
            }
        }
        return s;
    }

    private static void readSheet(Submission s, String sheet, List<Row> rows) {
        Submission.Form form = null;
        Map<Integer, String> columns = null; // column index → indicator field
        boolean table = false;
        FormItem item = null;
        Map<String, String> carried = new HashMap<>();
        for (Row row : rows) {
            if (row == null) {
                continue;
            }
            if (form == null && columns == null) {
                String title = firstText(row);
                if (title != null && (title.contains("自评表") || title.contains("自评"))) {
                    form = Submission.Form.SELF_EVALUATION;
                    continue;
                }
                if (title != null && (title.contains("申报表") || title.contains("目标表"))) {
                    form = Submission.Form.DECLARATION;
                    continue;
                }
            }
            Map<Integer, String> heading = heading(row);
            if (heading != null) {
                columns = heading;
                table = true;
                if (form == null) {
                    form = heading.containsValue("actual") ? Submission.Form.SELF_EVALUATION : Submission.Form.DECLARATION;
                }
                if (item == null) {
                    item = new FormItem(kindOf(form), "工作表「" + sheet + "」");
                }
                continue;
            }
            if (item == null && form != null) {
                item = new FormItem(kindOf(form), "工作表「" + sheet + "」");
            }
            if (item == null) {
                continue; // before the title: nothing of ours yet
            }
            if (!headerFields(item, sheet, row) && table) {
                indicatorRow(item, sheet, row, columns, carried);
            }
        }
        if (item == null || item.json.isEmpty()) {
            s.problems.add(new Submission.Problem("工作表「" + sheet + "」",
                    "未识别为绩效目标申报表或绩效自评表，已跳过 (not a recognised form: skipped)"));
            return;
        }
        s.items.add(item);
    }

    private static FormItem.Kind kindOf(Submission.Form form) {
        return form == Submission.Form.SELF_EVALUATION ? FormItem.Kind.EVALUATION : FormItem.Kind.PROJECT;
    }

    /** The indicator table's heading: it names at least 一级指标 and 三级指标 (or 指标名称). */
    private static Map<Integer, String> heading(Row row) {
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (Cell c : row) {
            if (c != null && text(c) != null && Labels.column(text(c)) != null && Labels.header(text(c)) == null) {
                columns.put(c.getColumnIndex(), Labels.column(text(c)));
            }
        }
        return columns.containsValue("level1") && columns.containsValue("name") ? columns : null;
    }

    /** Label/value pairs of a row; false when its first text is no label (then it may be an indicator). */
    private static boolean headerFields(FormItem item, String sheet, Row row) {
        List<Cell> cells = row.stream().filter(c -> c != null && (text(c) != null || unreadable(c) != null)).toList();
        if (cells.isEmpty() || text(cells.get(0)) == null || Labels.header(text(cells.get(0))) == null) {
            return false;
        }
        boolean fields = false;
        boolean groupInTenThousands = false;
        for (int i = 0; i < cells.size(); i++) {
            Cell label = cells.get(i);
            String path = Labels.header(text(label));
            if (path == null) {
                continue;
            }
            if (path.equals(Labels.GROUP)) {
                // 资金情况（万元）: what follows says what it is, in the group's unit
                groupInTenThousands = Labels.tenThousands(text(label));
                continue;
            }
            fields = true;
            Cell value = i + 1 < cells.size() && (text(cells.get(i + 1)) == null || Labels.header(text(cells.get(i + 1))) == null)
                    ? cells.get(i + 1) : null;
            if (value == null) {
                continue; // a label left blank
            }
            String where = Submission.cell(sheet, row.getRowNum(), value.getColumnIndex());
            String unreadable = unreadable(value);
            if (unreadable != null) {
                item.unreadable(where, unreadable);
            } else {
                item.header(path, text(value), groupInTenThousands ? text(label) + "（万元）" : text(label), where);
            }
            i++;
        }
        return fields;
    }

    private static void indicatorRow(FormItem item, String sheet, Row row, Map<Integer, String> columns,
            Map<String, String> carried) {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> cells = new HashMap<>();
        for (Map.Entry<Integer, String> col : columns.entrySet()) {
            Cell c = row.getOptionalCell(col.getKey()).orElse(null);
            String where = Submission.cell(sheet, row.getRowNum(), col.getKey());
            if (c == null) {
                continue;
            }
            String unreadable = unreadable(c);
            if (unreadable != null) {
                item.unreadable(where, unreadable);
                continue;
            }
            String t = text(c);
            if (t != null && !t.isBlank()) {
                fields.put(col.getValue(), t.trim());
                cells.put(col.getValue(), where);
            }
        }
        if (!fields.containsKey("name")) {
            return; // a blank or sub-total row
        }
        for (String merged : List.of("level1", "level2")) { // merged cells repeat the value above
            if (fields.containsKey(merged)) {
                carried.put(merged, fields.get(merged));
                carried.put(merged + "@", cells.get(merged));
            } else if (carried.containsKey(merged)) {
                fields.put(merged, carried.get(merged));
                cells.put(merged, carried.get(merged + "@"));
            }
        }
        // a table with its own type, operator or unit column is taken literally; else "≥12所" is split
        boolean literal = columns.containsValue("type") || columns.containsValue("operator") || columns.containsValue("unit");
        item.indicator(fields, cells, literal);
    }

    private static String firstText(Row row) {
        return row.stream().filter(c -> c != null && text(c) != null).map(WorkbookReader::text).findFirst().orElse(null);
    }

    /** A cell's text as the form shows it (numbers as stored, never through a binary float); null when blank. */
    static String text(Cell c) {
        String t = switch (c.getType()) {
            case STRING -> c.asString();
            case NUMBER, BOOLEAN, FORMULA -> c.getRawValue();
            default -> null;
        };
        return t == null || t.isEmpty() ? null : t; // spaces typed into a cell are the department's text
    }

    /** Why a cell cannot be read (an error value, a formula without its computed value), or null. */
    static String unreadable(Cell c) {
        return switch (c.getType()) {
            case ERROR -> "单元格为错误值 " + c.getRawValue() + " (the cell holds an error value)";
            case FORMULA -> c.getRawValue() == null || c.getRawValue().isBlank()
                    ? "公式没有计算结果，请在Excel中重新计算后保存 (a formula without its computed value)" : null;
            default -> null;
        };
    }
}
