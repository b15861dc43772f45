package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.store.StoredResult;

/** The ranked table of a region's work assessments (rules.md §6), as {@code perflink:ranking} and the API show it. */
class AssessmentTableTest {

    private final FakeStore store = new FakeStore();

    private static String body(String scope, String code, int year, int rank, int of, String total, String grade,
            String list) {
        return "{\"assessmentId\":\"440000-" + year + "." + scope + "." + code + "\",\"regionCode\":\"440000\",\"year\":" + year
                + ",\"scope\":\"" + scope + "\",\"subjectCode\":\"" + code + "\",\"total\":\"" + total + "\",\"grade\":\""
                + grade + "\",\"rank\":" + rank + ",\"rankOf\":" + of + ",\"composite\":\"88.40\""
                + (list == null ? "" : ",\"list\":\"" + list + "\"")
                + ",\"parts\":[{\"ruleId\":\"ASSESS_TARGETS_ON_TIME\",\"points\":\"7.50\",\"max\":\"15\","
                + "\"figures\":{\"onTime\":\"1\",\"projects\":\"2\",\"worst\":\"440000-2027-000102\"}}]}";
    }

    private void add(long seq, String scope, String code, int year, int rank, int of, String total, String grade, String list) {
        store.stored.add(new StoredResult(seq, "440000", ResultKind.ASSESSMENT, "440000-" + year + "." + scope + "." + code,
                code, StoredResult.DELIVERED, body(scope, code, year, rank, of, total, grade, list),
                Instant.parse("2028-03-31T02:00:00Z"), null));
    }

    private void fill() {
        add(9, "DEPARTMENT", "103", 2027, 3, 3, "75.00", "MEDIUM", "CRITICISM");
        add(8, "DEPARTMENT", "102", 2027, 1, 3, "95.00", "EXCELLENT", "PRAISE");
        add(7, "REGION", "440100", 2027, 1, 1, "91.00", "EXCELLENT", null);
        add(6, "DEPARTMENT", "101", 2027, 1, 3, "95.00", "EXCELLENT", null);
        add(5, "DEPARTMENT", "101", 2026, 1, 1, "60.00", "MEDIUM", null);
        add(4, "EVALUATOR", "INST-1", 2027, 0, 0, "80.00", "GOOD", null); // institutions are not ranked here
    }

    @Test
    void departmentsThenLowerRegionsByRankOfTheLatestYear() {
        fill();
        List<AssessmentTable.Row> rows = AssessmentTable.find(store, "440000", null);
        assertEquals(List.of("101", "102", "103", "440100"), rows.stream().map(AssessmentTable.Row::subject).toList());
        assertEquals(List.of(1, 1, 3, 1), rows.stream().map(AssessmentTable.Row::rank).toList());
        assertEquals(List.of("101"), AssessmentTable.find(store, "440000", 2026).stream().map(AssessmentTable.Row::subject).toList());
        assertEquals(List.of(), AssessmentTable.find(store, "440100", null));
    }

    @Test
    void theShellTableNamesEachPartsPointsAndFiguresChineseFirst() {
        fill();
        String text = AssessmentTable.text("440000", AssessmentTable.find(store, "440000", 2027));
        assertTrue(text.startsWith("区划 440000 2027 年度预算绩效管理工作考核 (work assessment and ranking)\n"), text);
        assertTrue(text.contains("部门 (departments)"), text);
        assertTrue(text.contains("下级区划 (lower regions)"), text);
        assertTrue(text.contains("表扬 PRAISE"), text);
        assertTrue(text.contains("批评 CRITICISM"), text);
        assertTrue(text.contains("目标四同步 (targets on time) 7.50/15  onTime=1 projects=2 worst=440000-2027-000102"), text);
        assertTrue(text.indexOf("102") < text.indexOf("103"), text);
        assertEquals("区划 440100 暂无工作考核结果 (no work assessment yet for region 440100)\n",
                AssessmentTable.text("440100", AssessmentTable.find(store, "440100", null)));
    }

    @Test
    void theApiAnswersTheSameTable() {
        fill();
        ObjectMapper mapper = new ObjectMapper();
        AdminJson api = new AdminJson(List::of, store, store, store, store, null, null, null, Clock.systemUTC(), mapper);
        ObjectNode out = api.ranking("440000", "2027");
        assertEquals(2027, out.get("year").asInt());
        assertEquals(List.of("101", "102", "103"), subjects(out, "departments"));
        assertEquals(List.of("440100"), subjects(out, "regions"));
        assertEquals("PRAISE", out.get("departments").get(1).get("list").asText());
        assertEquals("7.50", out.get("departments").get(0).get("parts").get(0).get("points").asText());
        assertEquals("目标四同步", out.get("parts").get(0).get("zh").asText());
        assertEquals(8, out.get("parts").size());
        assertThrows(IllegalArgumentException.class, () -> api.ranking("440000", "twenty"));
        assertThrows(IllegalArgumentException.class, () -> api.ranking("44", (String) null));
    }

    @Test
    void theRankingTableIsFilteredSortedAndPaged() {
        fill();
        AdminJson api = new AdminJson(List::of, store, store, store, store, null, null, null, Clock.systemUTC(),
                new ObjectMapper());
        ObjectNode all = api.ranking("440000", java.util.Map.of("limit", "2"));
        assertEquals(4, all.get("total").asInt(), "the latest year's departments and lower regions");
        assertEquals(List.of("101", "102"), subjects(all, "items"));
        assertTrue(all.get("hasMore").asBoolean());
        assertEquals(List.of("103", "440100"), subjects(api.ranking("440000", java.util.Map.of("offset", "2")), "items"));
        assertEquals(List.of("440100"), subjects(api.ranking("440000", java.util.Map.of("offset", "2", "limit", "2")),
                "regions"), "the page split by scope as before");
        assertEquals(List.of("101", "102", "440100", "103"),
                subjects(api.ranking("440000", java.util.Map.of("sort", "score")), "items"), "highest total first");
        assertEquals(List.of("101", "102", "103", "440100"),
                subjects(api.ranking("440000", java.util.Map.of("sort", "code")), "items"));
        assertEquals(List.of("440100"), subjects(api.ranking("440000", java.util.Map.of("scope", "region")), "items"));
        assertEquals(List.of("101", "102"), subjects(api.ranking("440000", java.util.Map.of("grade", "excellent",
                "scope", "DEPARTMENT")), "items"));
        assertEquals(List.of("103"), subjects(api.ranking("440000", java.util.Map.of("list", "criticism")), "items"));
        assertEquals(List.of("440100"), subjects(api.ranking("440000", java.util.Map.of("q", "4401")), "items"));
        ObjectNode old = api.ranking("440000", java.util.Map.of("year", "2026"));
        assertEquals(List.of("101"), subjects(old, "items"));
        assertEquals(1, old.get("total").asInt());
        assertEquals(0, api.ranking("440000", java.util.Map.of("year", "2025")).get("total").asInt());
        assertEquals(2025, api.ranking("440000", java.util.Map.of("year", "2025")).get("year").asInt());

        String sort = assertThrows(IllegalArgumentException.class,
                () -> api.ranking("440000", java.util.Map.of("sort", "name"))).getMessage();
        assertEquals("sort 须为 rank、score 或 code (sort must be rank, score or code): 'name'", sort);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> api.ranking("440000", java.util.Map.of("grade",
                "A"))).getMessage().startsWith("grade 须为 EXCELLENT、GOOD、MEDIUM 或 POOR"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> api.ranking("440000", java.util.Map.of("scope",
                "city"))).getMessage().startsWith("scope 须为 department 或 region"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> api.ranking("440000", java.util.Map.of("q",
                "10 1"))).getMessage().startsWith("q 须为考核对象代码的开头"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> api.ranking("440000", java.util.Map.of("limit",
                "501"))).getMessage().startsWith("limit 须为 1 至 500"));
    }

    private static List<String> subjects(ObjectNode out, String field) {
        List<String> codes = new java.util.ArrayList<>();
        out.get(field).forEach(n -> codes.add(n.get("subjectCode").asText()));
        return codes;
    }
}
