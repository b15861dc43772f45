package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.store.StoredResult;

/** perflink:results: what is asked, what is found, and how the shell prints it with the findings. */
class LatestResultsTest {

    static final String BLOCKED = "{\"verdictId\":\"440000-2027-000102.DECLARED.r1\",\"projectCode\":\"440000-2027-000102\","
            + "\"phase\":\"DECLARED\",\"revision\":1,\"outcome\":\"BLOCK\",\"rulePack\":\"default\","
            + "\"findings\":[{\"ruleId\":\"EX_ANTE_REQUIRED\",\"severity\":\"BLOCK\",\"path\":\"exAnte\","
            + "\"message\":\"新增重大项目须开展事前绩效评估\",\"messageEn\":\"ex-ante assessment required\","
            + "\"figures\":{\"amount\":\"12000000\"}},{\"ruleId\":\"TARGET_VAGUE\",\"severity\":\"WARN\","
            + "\"path\":\"targets[0]\",\"message\":null,\"messageEn\":\"target is vague\"}]}";
    static final String RED = "{\"warningId\":\"440000-2027-000101.2027-06-30.EXECUTION_LAG\",\"projectCode\":\"440000-2027-000101\","
            + "\"asOf\":\"2027-06-30\",\"type\":\"EXECUTION_LAG\",\"level\":\"RED\",\"metrics\":{\"executionRate\":\"0.12\"},"
            + "\"thresholds\":{\"red\":\"0.30\"},\"suggestedAction\":\"SUSPEND_DISBURSEMENT\",\"ruleId\":\"EXEC_LAG\","
            + "\"message\":\"执行率 12% 落后时间进度\",\"messageEn\":\"lags\"}";
    static final String ADJUSTMENT = "{\"adjustmentId\":\"440000-2027.PROJECT.440000-2027-000101\",\"evaluatedYear\":2027,"
            + "\"budgetYear\":2028,\"scope\":\"PROJECT\",\"subjectCode\":\"440000-2027-000101\",\"basis\":{\"grade\":\"POOR\"},"
            + "\"action\":\"REDUCE\",\"ratio\":0.2,\"baseAmount\":1000000,\"deltaAmount\":-200000,\"ruleId\":\"LINK_POOR\","
            + "\"explanation\":\"评价等级为差，压减 20%\",\"explanationEn\":\"reduced\"}";
    static final String NOTICE = "{\"noticeId\":\"440000-2027.D01.RECTIFICATION\",\"departmentCode\":\"D01\",\"type\":\"RECTIFICATION\","
            + "\"year\":2027,\"dueDate\":\"2028-03-31\",\"reasons\":[\"红色预警 2 次\"],\"subjects\":[\"440000-2027-000101\"]}";
    static final String SCORE = "{\"scoreId\":\"440000-2027-000101.2027\",\"projectCode\":\"440000-2027-000101\",\"score\":58.5,"
            + "\"grade\":\"POOR\",\"source\":\"SELF_EVALUATION\",\"breakdown\":[{\"part\":\"EXECUTION_RATE\",\"points\":4,\"max\":10}],"
            + "\"findings\":[]}";

    final FakeStore store = new FakeStore();

    @Test
    void aQueryIsCheckedAsTyped() {
        LatestResults.Query q = LatestResults.query(" 440000 ", null, null, null);
        assertEquals(new LatestResults.Query("440000", null, null, LatestResults.DEFAULT_LIMIT), q);
        assertFalse(q.ofProject());
        assertEquals(ResultKind.VERDICT, LatestResults.parseKind("verdict"));
        assertEquals(ResultKind.WARNING, LatestResults.parseKind("Warnings"));
        assertEquals(ResultKind.ADJUSTMENT, LatestResults.parseKind("挂钩调整"));
        assertEquals(ResultKind.NOTICE, LatestResults.parseKind("NOTICE"));
        assertNull(LatestResults.parseKind(" "));
        assertEquals(500, LatestResults.parseLimit("500"));
        assertTrue(LatestResults.query("440000", " P1 ", "score", "3").ofProject());
        for (Runnable bad : List.<Runnable>of(() -> LatestResults.query("44", null, null, null),
                () -> LatestResults.query("440000", null, "opinion", null),
                () -> LatestResults.query("440000", null, null, "0"),
                () -> LatestResults.query("440000", null, null, "501"),
                () -> LatestResults.query("440000", null, null, "ten"),
                () -> LatestResults.query("440000", "P\n1", null, null))) {
            assertThrows(IllegalArgumentException.class, bad::run);
        }
    }

    @Test
    void aRegionsLatestResultsNewestFirstWithWhereTheyStandAndWhatExplainsThem() {
        store.stored.add(new StoredResult(9, "440000", ResultKind.NOTICE, "440000-2027.D01.RECTIFICATION", "D01",
                StoredResult.PENDING, NOTICE, Instant.parse("2027-12-31T02:00:00Z"), null));
        store.stored.add(new StoredResult(8, "440000", ResultKind.ADJUSTMENT, "440000-2027.PROJECT.440000-2027-000101",
                "440000-2027-000101", StoredResult.DELIVERED, ADJUSTMENT, Instant.parse("2027-12-31T01:00:00Z"),
                Instant.parse("2027-12-31T01:00:01Z")));
        store.stored.add(new StoredResult(7, "440000", ResultKind.WARNING, "440000-2027-000101.2027-06-30.EXECUTION_LAG",
                "440000-2027-000101", StoredResult.DELIVERED, RED, Instant.parse("2027-06-30T01:00:00Z"),
                Instant.parse("2027-06-30T01:00:01Z")));
        store.stored.add(new StoredResult(3, "440000", ResultKind.VERDICT, "440000-2027-000102.DECLARED.r1",
                "440000-2027-000102", StoredResult.DEAD, BLOCKED, Instant.parse("2027-01-05T01:00:00Z"), null));
        store.stored.add(new StoredResult(2, "440100", ResultKind.VERDICT, "other", "x", StoredResult.PENDING, "{}",
                Instant.parse("2027-01-05T01:00:00Z"), null));

        LatestResults.Query q = LatestResults.query("440000", null, null, "10");
        List<LatestResults.Item> items = LatestResults.find(store, q);
        assertEquals(List.of(9L, 8L, 7L, 3L), items.stream().map(LatestResults.Item::seq).toList());
        String text = ResultsText.render(q, items, ZoneOffset.ofHours(8));

        assertTrue(text.startsWith("区划 (region) 440000 最新结果 (latest results): 全部类型 (every kind), 最多 (at most) 10"), text);
        assertTrue(text.contains("#1 问责通知 (notice) 440000-2027.D01.RECTIFICATION · 部门 (department) D01 · 要求整改 RECTIFICATION"), text);
        assertTrue(text.contains("待送达 (PENDING) · 排队 (queued) 2027-12-31 10:00:00 · seq 9"), text);
        assertTrue(text.contains("原因 (reasons): 红色预警 2 次"), text);
        assertTrue(text.contains("#2 挂钩调整 (adjustment) 440000-2027.PROJECT.440000-2027-000101"), text);
        assertTrue(text.contains("压减 REDUCE · -200000 元"), text);
        assertTrue(text.contains("已送达 (DELIVERED) 2027-12-31 09:00:01"), text);
        assertTrue(text.contains("说明 (explanation): 评价等级为差，压减 20%"), text);
        assertTrue(text.contains("依据 (basis) grade = POOR"), text);
        assertTrue(text.contains("#3 预警 (warning) 440000-2027-000101.2027-06-30.EXECUTION_LAG · 对象 (subject) 440000-2027-000101 · 红色 RED · 执行进度滞后 EXECUTION_LAG"), text);
        assertTrue(text.contains("建议措施 (action) 暂缓拨付 SUSPEND_DISBURSEMENT"), text);
        assertTrue(text.contains("说明 (message): 执行率 12% 落后时间进度"), text);
        assertTrue(text.contains("指标 (metrics) executionRate = 0.12"), text);
        assertTrue(text.contains("#4 结论 (verdict) 440000-2027-000102.DECLARED.r1 · 对象 (subject) 440000-2027-000102 · 阻断 BLOCK (BLOCK 1, WARN 1)"), text);
        assertTrue(text.contains("主机拒收 (死信) (DEAD)"), text);
        assertTrue(text.contains("阶段 (phase) 编制申报 DECLARED · r1 · 规则包 (rule pack) default"), text);
        assertTrue(text.contains("发现 (findings) 2:"), text);
        assertTrue(text.contains("EX_ANTE_REQUIRED") && text.contains("新增重大项目须开展事前绩效评估") && text.contains("amount = 12000000"), text);
        assertTrue(text.contains("target is vague"), "the English message when there is no zh-CN one: " + text);
        assertTrue(text.contains("共 (total) 4 条结果 (results)"), text);
        assertFalse(text.contains("other"), "another region's results are left out");

        LatestResults.Query verdicts = LatestResults.query("440000", null, "verdict", "1");
        assertEquals(List.of("440000-2027-000102.DECLARED.r1"),
                LatestResults.find(store, verdicts).stream().map(LatestResults.Item::id).toList());
        assertEquals("区划 (region) 440100 最新结果 (latest results): 问责通知 (notice), 最多 (at most) 20, 最新在前 (newest first)\n无结果 (no results)\n",
                ResultsText.render(LatestResults.query("440100", null, "notice", null),
                        LatestResults.find(store, LatestResults.query("440100", null, "notice", null)), ZoneOffset.UTC));
    }

    @Test
    void aProjectsResultsInTheOrderOfItsYearTheLatestOfEachKind() {
        String p = "440000-2027-000101";
        results(ResultKind.ADJUSTMENT, p, ADJUSTMENT);
        results(ResultKind.SCORE, p, SCORE);
        results(ResultKind.WARNING, p, RED.replace("RED", "YELLOW").replace("06-30", "03-31"));
        results(ResultKind.WARNING, p, RED);
        results(ResultKind.VERDICT, p, BLOCKED.replace("000102", "000101"));

        LatestResults.Query all = LatestResults.query("440000", p, null, null);
        List<LatestResults.Item> items = LatestResults.find(store, all);
        assertEquals(List.of("440000-2027-000101.DECLARED.r1", "440000-2027-000101.2027-03-31.EXECUTION_LAG",
                "440000-2027-000101.2027-06-30.EXECUTION_LAG", "440000-2027-000101.2027", "440000-2027.PROJECT.440000-2027-000101"),
                items.stream().map(LatestResults.Item::id).toList());
        assertEquals(List.of(true, false, true, true, true), items.stream().map(LatestResults.Item::latest).toList());
        assertNull(items.get(0).seq());

        List<LatestResults.Item> latestWarning = LatestResults.find(store, LatestResults.query("440000", p, "warning", "1"));
        assertEquals(1, latestWarning.size());
        assertTrue(latestWarning.get(0).latest());

        String text = ResultsText.render(all, items, ZoneOffset.UTC);
        assertTrue(text.startsWith("区划 (region) 440000 项目 (project) 440000-2027-000101: 全部类型 (every kind)"), text);
        assertTrue(text.contains("#4 评分 (score) 440000-2027-000101.2027 · 对象 (subject) 440000-2027-000101 · 得分 (score) 58.5 · 差 POOR · 最新 (latest)"), text);
        assertTrue(text.contains("得分构成 (breakdown): EXECUTION_RATE 4/10"), text);
        assertTrue(text.contains("无发现 (no findings)"), text);
        assertFalse(text.contains("seq"), "a project's timeline has no outbox rows: " + text);
        assertTrue(LatestResults.find(store, LatestResults.query("440000", "NONE", null, null)).isEmpty());
    }

    private void results(ResultKind kind, String subject, String json) {
        store.results.computeIfAbsent("440000/" + kind + "/" + subject, k -> new ArrayList<>()).add(json);
    }
}
