package org.perflink.admin.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.model.ResultKind;
import org.perflink.core.RegionCode;
import org.perflink.reports.TextTable;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The annual quality grade of each third-party institution (rules.md §10 {@code EVALUATOR_QUALITY_GRADE}: the
 * Assessments {@code {R}-{Y}.EVALUATOR.{institutionId}} the region's whole-year LINK wrote), shared by
 * {@code perflink:evaluators} and the admin REST API ({@code GET regions/{code}/evaluators}). Read from the bodies
 * sent to the host: per institution its reports, how many of them a conflict, a deviation, lateness or unscored
 * indicators cost points (a cost of 0 in the rule pack is not counted), its points and grade. Best first.
 */
public final class EvaluatorGrades {

    /** At most this many assessments of a region are read (departments, lower regions and institutions, all years). */
    static final int MAX_READ = 10_000;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final String SCOPE = "EVALUATOR";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A region and a year (null: every year). */
    public record Query(String region, Integer year) {
    }

    /** One report of an institution as its grade counted it. */
    public record Report(String projectCode, String points, boolean conflict, boolean deviation, boolean late,
            boolean unscored) {
    }

    /** One institution's grade of a year, with where the result stands at the host. */
    public record Row(String assessmentId, int year, String institutionId, String total, String grade,
            List<Report> reports, String state, String rulePack, String assessedAt) {

        public long conflicts() {
            return reports.stream().filter(Report::conflict).count();
        }

        public long deviations() {
            return reports.stream().filter(Report::deviation).count();
        }

        public long late() {
            return reports.stream().filter(Report::late).count();
        }

        public long unscored() {
            return reports.stream().filter(Report::unscored).count();
        }
    }

    private EvaluatorGrades() {
    }

    /**
     * Checks what an administrator typed: a region code and an optional year ({@value #MIN_YEAR}–{@value #MAX_YEAR}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Query query(String region, String year) {
        String r = region == null ? "" : region.strip();
        if (!RegionCode.valid(r)) {
            throw new IllegalArgumentException(RegionCode.MUST_BE);
        }
        if (year == null || year.isBlank()) {
            return new Query(r, null);
        }
        int y;
        try {
            y = Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new IllegalArgumentException("年度 (year) 须为 " + MIN_YEAR + " 至 " + MAX_YEAR + " 的整数 (year must be "
                    + MIN_YEAR + " to " + MAX_YEAR + "): " + year.strip());
        }
        return new Query(r, y);
    }

    /** The institutions' grades: newest year first, then best points first, then by institution id. */
    public static List<Row> find(ResultLedger store, Query q) {
        List<Row> rows = new ArrayList<>();
        for (StoredResult r : store.latestResults(q.region(), ResultKind.ASSESSMENT, MAX_READ)) {
            JsonNode a = parse(r.body());
            if (a == null || !SCOPE.equals(a.path("scope").asText()) || !a.path("year").canConvertToInt()
                    || (q.year() != null && a.path("year").asInt() != q.year())) {
                continue;
            }
            List<Report> reports = new ArrayList<>();
            for (JsonNode part : a.path("parts")) {
                JsonNode f = part.path("figures");
                reports.add(new Report(text(f, "projectCode"), text(part, "points"), charged(f, "conflict"),
                        charged(f, "deviation"), charged(f, "late"), charged(f, "unscored")));
            }
            rows.add(new Row(text(a, "assessmentId"), a.path("year").asInt(), text(a, "subjectCode"), text(a, "total"),
                    text(a, "grade"), List.copyOf(reports), r.state(), text(a, "rulePack"), text(a, "assessedAt")));
        }
        rows.sort(Comparator.comparingInt(Row::year).reversed()
                .thenComparing(EvaluatorGrades::points, Comparator.reverseOrder())
                .thenComparing(Row::institutionId, Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    /** The grades as the shell prints them. */
    public static String render(Query q, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("区划 (region) ").append(q.region()).append(" 第三方机构评价质量 (third-party evaluation quality, ")
                .append("EVALUATOR_QUALITY_GRADE): ")
                .append(q.year() == null ? "全部年度 (every year)" : q.year() + " 年度 (year)").append('\n');
        if (rows.isEmpty()) {
            return out.append("无评价机构质量结果 (no institution grades): 在全年结果应用 (whole-year CLOSE/LINK) 后生成, ")
                    .append("需主机契约 1.1 (needs host contract 1.1)\n").toString();
        }
        TextTable table = TextTable.of("机构 (institution)", "年度 (year)", "报告 (reports)", "利益冲突 (conflict)",
                "偏差 (deviation)", "逾期 (late)", "未评分 (unscored)", "得分 (points)", "等级 (grade)", "送达 (state)")
                .alignRight(2, 3, 4, 5, 6, 7);
        for (Row r : rows) {
            table.row(r.institutionId(), r.year(), r.reports().size(), r.conflicts(), r.deviations(), r.late(),
                    r.unscored(), r.total(), grade(r.grade()), r.state());
        }
        out.append(table.render());
        out.append("\n报告明细 (reports):\n");
        for (Row r : rows) {
            for (Report p : r.reports()) {
                out.append("  ").append(r.institutionId()).append(' ').append(p.projectCode()).append(": ")
                        .append(p.points()).append(" 分 (points)").append(costs(p)).append('\n');
            }
        }
        return out.append("每份报告 100 分，利益冲突、偏差、逾期、未评分各扣规则包所定分值，取平均后定级 ")
                .append("(each report 100 points less the rule pack's costs; the mean is graded)\n").toString();
    }

    private static String costs(Report p) {
        List<String> charged = new ArrayList<>();
        if (p.conflict()) {
            charged.add("利益冲突 conflict");
        }
        if (p.deviation()) {
            charged.add("偏差 deviation");
        }
        if (p.late()) {
            charged.add("逾期 late");
        }
        if (p.unscored()) {
            charged.add("未评分 unscored");
        }
        return charged.isEmpty() ? "" : " · " + String.join(", ", charged);
    }

    /** 差 POOR; the value alone when unknown. */
    static String grade(String grade) {
        if (grade == null) {
            return "";
        }
        return switch (grade) {
            case "EXCELLENT" -> "优 EXCELLENT";
            case "GOOD" -> "良 GOOD";
            case "MEDIUM" -> "中 MEDIUM";
            case "POOR" -> "差 POOR";
            default -> grade;
        };
    }

    private static BigDecimal points(Row r) {
        try {
            return r.total() == null ? BigDecimal.ZERO : new BigDecimal(r.total());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** Whether the part's figure is a cost that was charged (a number above 0). */
    private static boolean charged(JsonNode figures, String name) {
        String v = text(figures, name);
        try {
            return v != null && new BigDecimal(v).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
