package org.perflink.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.perflink.api.model.Notice;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.LinkSimulation.DepartmentChange;
import org.perflink.api.stage.LinkSimulation.ProjectChange;

/**
 * A simulation as CSV for a spreadsheet: UTF-8 <b>with a byte order mark</b> (so Excel reads the Chinese names
 * as UTF-8), RFC 4180 quoting, CRLF line ends, one header row, then one row per changed project, per department,
 * the total, and per item that could not be simulated. Columns ({@link #COLUMNS}):
 * <pre>
 * region, year, current_pack, candidate_pack   the run (on every row)
 * type             PROJECT | DEPARTMENT | TOTAL | SKIPPED (host item unusable) | REJECTED (not evaluable under a pack)
 * code             projectCode, departmentCode, or the skipped item's key
 * name             project or department name, as the host's projects give it
 * department_code  the project's department (a department row: its own code)
 * scope            PROJECT | POLICY | TRANSFER (project rows)
 * grade_before, grade_after, action_before, action_after, ratio_before, ratio_after   project rows
 * amount_before, amount_after   元: a project's adjustment (deltaAmount), a department's total adjustment
 *                               (its projects' and its composite's), the region's total; current / candidate pack
 * change           amount_after − amount_before
 * notices_before, notices_after   department rows: notice types, separated by ';'
 * note             why an item was skipped or rejected
 * </pre>
 * Amounts and ratios are plain decimals with a point ({@code -210000.00}); an empty cell is "none" (a project
 * that could not be linked has no action). Text from the host that a spreadsheet would take for a formula
 * ({@code = + - @}) is prefixed with {@code '}.
 */
public final class SimulationCsv {

    public static final List<String> COLUMNS = List.of("region", "year", "current_pack", "candidate_pack", "type",
            "code", "name", "department_code", "scope", "grade_before", "grade_after", "action_before",
            "action_after", "ratio_before", "ratio_after", "amount_before", "amount_after", "change",
            "notices_before", "notices_after", "note");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SimulationCsv() {
    }

    /** Writes (or overwrites) the file. */
    public static void write(HostSimulation.Result r, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(r, out);
        }
    }

    public static void write(HostSimulation.Result r, OutputStream stream) throws IOException {
        stream.write(BOM);
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        row(out, COLUMNS.toArray());
        for (Object[] cells : rows(r)) {
            row(out, cells);
        }
        out.flush();
    }

    /** The rows under the header, one array of {@link #COLUMNS}' cells each (shared with {@link SimulationXlsx}). */
    static List<Object[]> rows(HostSimulation.Result r) {
        LinkSimulation.Report report = r.report();
        List<Object[]> rows = new ArrayList<>();
        for (ProjectChange c : report.projects()) {
            rows.add(run(r, "PROJECT", c.projectCode(), r.projectNames().get(c.projectCode()), c.departmentCode(),
                    c.scope(), c.gradeBefore(), c.gradeAfter(), c.actionBefore(), c.actionAfter(),
                    c.ratioBefore(), c.ratioAfter(), money(c.deltaBefore()), money(c.deltaAfter()),
                    money(c.effect()), null, null, report.rejected().get(c.projectCode())));
        }
        for (DepartmentChange d : report.departments()) {
            rows.add(run(r, "DEPARTMENT", d.departmentCode(), r.departmentNames().get(d.departmentCode()),
                    d.departmentCode(), null, null, null, null, null, null, null, money(d.totalBefore()),
                    money(d.totalAfter()), money(d.change()), types(d.noticesBefore()), types(d.noticesAfter()),
                    report.rejected().get(d.departmentCode())));
        }
        rows.add(run(r, "TOTAL", r.regionCode(), null, null, null, null, null, null, null, null, null,
                money(report.totalBefore()), money(report.totalAfter()), money(report.budgetEffect()), null, null, null));
        for (Map.Entry<String, String> e : r.skipped().entrySet()) {
            rows.add(run(r, "SKIPPED", e.getKey(), null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, e.getValue()));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(report.rejected()).entrySet()) {
            rows.add(run(r, "REJECTED", e.getKey(), r.projectNames().get(e.getKey()), null, null, null, null, null,
                    null, null, null, null, null, null, null, null, e.getValue()));
        }
        return rows;
    }

    private static Object[] run(HostSimulation.Result r, Object... cells) {
        List<Object> all = new ArrayList<>(COLUMNS.size());
        all.addAll(Arrays.asList(r.regionCode(), r.year(), r.report().currentPack(), r.report().candidatePack()));
        all.addAll(Arrays.asList(cells));
        if (all.size() != COLUMNS.size()) {
            throw new IllegalStateException("row of " + all.size() + " cells for " + COLUMNS.size() + " columns");
        }
        return all.toArray();
    }

    private static void row(Writer out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** One cell: numbers as they are, text guarded against formulas, quoted when it must be (RFC 4180). */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString(); // our own figures: never quoted, never guarded (a minus sign is a sign)
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String s = SpreadsheetText.guarded(value.toString());
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** 元 to the cent, plain ({@code -210000.00}); a BigDecimal, so {@link #cell} does not guard its sign. */
    static BigDecimal money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private static String types(Set<Notice.Type> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(";"));
    }
}
