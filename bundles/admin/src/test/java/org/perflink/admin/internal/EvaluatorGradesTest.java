package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.store.StoredResult;

/** {@code perflink:evaluators} and {@code GET regions/{code}/evaluators}: the institutions' quality grades. */
class EvaluatorGradesTest {

    static final String INST_A = "INST-91440400MA5AAAAAAA";
    static final String INST_B = "INST-91440400MA5BBBBBBB";

    /** An EVALUATOR Assessment body as the close stage writes it; each report as {projectCode, points, costs…}. */
    static String assessment(String region, int year, String institution, String total, String grade, String[]... reports) {
        StringBuilder parts = new StringBuilder();
        for (String[] r : reports) {
            parts.append(parts.length() == 0 ? "" : ",").append("{\"ruleId\":\"EVALUATOR_QUALITY_GRADE\",\"points\":\"")
                    .append(r[1]).append("\",\"max\":\"100\",\"figures\":{\"projectCode\":\"").append(r[0])
                    .append("\",\"conflict\":\"").append(r[2]).append("\",\"deviation\":\"").append(r[3])
                    .append("\",\"late\":\"").append(r[4]).append("\",\"unscored\":\"").append(r[5]).append("\"}}");
        }
        return "{\"assessmentId\":\"" + region + "-" + year + ".EVALUATOR." + institution + "\",\"regionCode\":\"" + region
                + "\",\"year\":" + year + ",\"scope\":\"EVALUATOR\",\"subjectCode\":\"" + institution + "\",\"total\":\""
                + total + "\",\"grade\":\"" + grade + "\",\"parts\":[" + parts + "],\"rulePack\":\"default@1\","
                + "\"assessedAt\":\"2028-06-30T10:00:00+08:00\"}";
    }

    static StoredResult stored(long seq, String region, String subject, String body) {
        return new StoredResult(seq, region, ResultKind.ASSESSMENT, "id-" + seq, subject, StoredResult.DELIVERED, body,
                Instant.parse("2028-06-30T02:00:00Z"), Instant.parse("2028-06-30T02:00:01Z"));
    }

    /** The demo's two institutions of 2027 (EXPECTED.md, region 440400), a 2026 grade and a department's assessment. */
    static FakeStore demo() {
        FakeStore store = new FakeStore();
        store.stored.add(stored(9, "440400", INST_B, assessment("440400", 2027, INST_B, "20.00", "POOR",
                new String[] {"440400-2027-000104", "20.00", "0", "40", "20", "20"})));
        store.stored.add(stored(8, "440400", INST_A, assessment("440400", 2027, INST_A, "0.00", "POOR",
                new String[] {"440400-2027-000107", "0.00", "100", "0", "0", "0"})));
        store.stored.add(stored(7, "440400", "101", "{\"assessmentId\":\"440400-2027.DEPARTMENT.101\",\"year\":2027,"
                + "\"scope\":\"DEPARTMENT\",\"subjectCode\":\"101\",\"total\":\"91.60\",\"grade\":\"EXCELLENT\"}"));
        store.stored.add(stored(6, "440400", INST_A, assessment("440400", 2026, INST_A, "90.00", "EXCELLENT",
                new String[] {"440400-2026-000001", "100.00", "0", "0", "0", "0"},
                new String[] {"440400-2026-000002", "80.00", "0", "0", "20", "0"})));
        store.stored.add(stored(5, "440000", INST_A, assessment("440000", 2027, INST_A, "100.00", "EXCELLENT",
                new String[] {"440000-2027-000001", "100.00", "0", "0", "0", "0"})));
        return store;
    }

    @Test
    void aYearsGradesBestFirstWithTheirCounts() {
        List<EvaluatorGrades.Row> rows = EvaluatorGrades.find(demo(), EvaluatorGrades.query("440400", "2027"));
        assertEquals(List.of(INST_B, INST_A), rows.stream().map(EvaluatorGrades.Row::institutionId).toList());
        EvaluatorGrades.Row b = rows.get(0);
        assertEquals("440400-2027.EVALUATOR." + INST_B, b.assessmentId());
        assertEquals(List.of(1, 0L, 1L, 1L, 1L), List.of(b.reports().size(), b.conflicts(), b.deviations(), b.late(),
                b.unscored()));
        assertEquals("20.00", b.total());
        assertEquals("POOR", b.grade());
        assertEquals(StoredResult.DELIVERED, b.state());
        EvaluatorGrades.Row a = rows.get(1);
        assertEquals(List.of(1L, 0L, 0L, 0L), List.of(a.conflicts(), a.deviations(), a.late(), a.unscored()));
        assertEquals(new EvaluatorGrades.Report("440400-2027-000107", "0.00", true, false, false, false), a.reports().get(0));
    }

    @Test
    void everyYearNewestFirstAndOnlyTheRegionsInstitutions() {
        List<EvaluatorGrades.Row> rows = EvaluatorGrades.find(demo(), EvaluatorGrades.query("440400", null));
        assertEquals(List.of("440400-2027.EVALUATOR." + INST_B, "440400-2027.EVALUATOR." + INST_A,
                "440400-2026.EVALUATOR." + INST_A), rows.stream().map(EvaluatorGrades.Row::assessmentId).toList());
        assertEquals(2, rows.get(2).reports().size());
        assertEquals(1, rows.get(2).late());
        assertEquals(List.of(), EvaluatorGrades.find(demo(), EvaluatorGrades.query("440400", "2025")));
    }

    @Test
    void theShellTableIsChineseFirstWithEveryFigure() {
        EvaluatorGrades.Query q = EvaluatorGrades.query(" 440400 ", "2027");
        String text = EvaluatorGrades.render(q, EvaluatorGrades.find(demo(), q));
        for (String expected : List.of("区划 (region) 440400", "2027 年度 (year)", "机构 (institution)", "报告 (reports)",
                "利益冲突 (conflict)", "偏差 (deviation)", "逾期 (late)", "未评分 (unscored)", "得分 (points)",
                "等级 (grade)", INST_A, INST_B, "差 POOR", "20.00", "440400-2027-000104: 20.00 分 (points) · 偏差 deviation, "
                        + "逾期 late, 未评分 unscored", "440400-2027-000107: 0.00 分 (points) · 利益冲突 conflict")) {
            assertTrue(text.contains(expected), () -> expected + " in\n" + text);
        }
        String institutionRow = text.lines().filter(l -> l.startsWith(INST_B)).findFirst().orElseThrow();
        assertEquals(List.of(INST_B, "2027", "1", "0", "1", "1", "1", "20.00", "差 POOR", "DELIVERED"),
                java.util.Arrays.stream(institutionRow.split("\\|")).map(String::strip).toList(), institutionRow);
        String none = EvaluatorGrades.render(EvaluatorGrades.query("440100", null), List.of());
        assertTrue(none.contains("全部年度 (every year)") && none.contains("无评价机构质量结果 (no institution grades)"), none);
    }

    @Test
    void aBadRegionOrYearIsRefusedNamingTheField() {
        IllegalArgumentException year = assertThrows(IllegalArgumentException.class,
                () -> EvaluatorGrades.query("440400", "27"));
        assertTrue(year.getMessage().contains("年度 (year)") && year.getMessage().contains("27"), year::getMessage);
        assertThrows(IllegalArgumentException.class, () -> EvaluatorGrades.query("440400", "2101"));
        assertThrows(IllegalArgumentException.class, () -> EvaluatorGrades.query("440400", "二〇二七"));
        assertThrows(IllegalArgumentException.class, () -> EvaluatorGrades.query("44", "2027"));
        assertEquals(new EvaluatorGrades.Query("440400", 2027), EvaluatorGrades.query("440400", " 2027 "));
    }
}
