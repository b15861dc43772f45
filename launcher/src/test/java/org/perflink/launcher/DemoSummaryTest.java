package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The demo's close summary: ceilings apart from allocations (rules.md §3.3), composites with their sources (§4). */
class DemoSummaryTest {

    @Test
    void departmentCeilingsAreNotAddedToTheAllocationsInsideThem() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode adjustments = mapper.readTree("""
                {"items": [
                 {"region": "440000", "body": {"scope": "PROJECT", "action": "REDUCE", "deltaAmount": "-520000.00"}},
                 {"region": "440000", "body": {"scope": "TRANSFER", "action": "REDUCE", "deltaAmount": "-110250.00"}},
                 {"region": "440000", "body": {"scope": "DEPARTMENT", "subjectCode": "101", "action": "REDUCE",
                   "deltaAmount": "-3600000.00", "basis": {"score": "72.50", "grade": "MEDIUM", "coefficient": "0.97",
                   "components": {"KEY_TARGETS": {"score": "70.00", "source": "PERFLINK", "n": 4},
                                  "OVERALL_EVALUATION": {"score": "75.00", "source": "HOST", "n": 4, "perflink": "75.63"}}}}}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DemoSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8)).adjustments(adjustments, mapper.readTree("{\"items\": []}"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("department ceilings (控制数) -3600000.00 元; allocations inside them (项目/政策/转移支付) -630250.00 元"), out);
        assertTrue(out.contains("部门 101  72.50 MEDIUM ×0.97  KEY_TARGETS 70.00 PERFLINK n=4, OVERALL_EVALUATION 75.00 HOST (PerfLink 75.63)"), out);
        assertEquals(-1, out.indexOf("-4230250"), "never one sum of the two");
    }

    @Test
    void escalationsAreCountedByStepWithTheCasesThatReachedAReferral() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode notices = mapper.readTree("""
                {"items": [
                 {"region": "460100", "body": {"noticeId": "460100-2027.306.REMINDER", "type": "REMINDER"}},
                 {"region": "460100", "body": {"noticeId": "460100-2027.306.REMINDER.RECTIFICATION", "type": "RECTIFICATION",
                   "ruleId": "NOTICE_ESCALATED", "caseId": "460100-2027.306.REMINDER", "subjectCode": "306"}},
                 {"region": "460100", "body": {"noticeId": "460100-2027.306.REMINDER.REFERRAL", "type": "REFERRAL",
                   "referralTo": "ORGANIZATION", "ruleId": "NOTICE_ESCALATED", "caseId": "460100-2027.306.REMINDER", "subjectCode": "306"}},
                 {"region": "460100", "body": {"noticeId": "460100-2027.304.RECTIFICATION.REFERRAL", "type": "REFERRAL",
                   "referralTo": "DISCIPLINE", "ruleId": "NOTICE_ESCALATED", "caseId": "460100-2027.304.RECTIFICATION", "subjectCode": "304"}},
                 {"region": "440000", "body": {"noticeId": "440000-2027.101.REMINDER", "type": "REMINDER"}}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DemoSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8)).escalations(notices);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("460100  escalations: {RECTIFICATION=1, REFERRAL:DISCIPLINE=1, REFERRAL:ORGANIZATION=1}"), out);
        assertTrue(out.contains("移交/报送 referred: 460100-2027.304.RECTIFICATION (304), 460100-2027.306.REMINDER (306)"), out);
        assertEquals(-1, out.indexOf("440000"), "a region without escalations has no line");
    }

    @Test
    void theTopAndBottomOfEachRankingWithThePraisedAndTheCriticised() throws Exception {
        JsonNode assessments = new ObjectMapper().readTree("""
                {"items": [
                 {"region": "440500", "body": {"scope": "DEPARTMENT", "subjectCode": "403", "total": "60.00", "grade": "MEDIUM", "rank": 4}},
                 {"region": "440500", "body": {"scope": "DEPARTMENT", "subjectCode": "402", "total": "100.00", "grade": "EXCELLENT", "rank": 1}},
                 {"region": "440500", "body": {"scope": "DEPARTMENT", "subjectCode": "404", "total": "90.00", "grade": "EXCELLENT", "rank": 3,
                   "list": "CRITICISM"}},
                 {"region": "440500", "body": {"scope": "DEPARTMENT", "subjectCode": "401", "total": "100.00", "grade": "EXCELLENT", "rank": 1,
                   "list": "PRAISE"}},
                 {"region": "440500", "body": {"scope": "EVALUATOR", "subjectCode": "INST-1", "total": "20.00", "grade": "POOR"}}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DemoSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8)).ranking(assessments);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("440500  部门 departments (4): top 401 100.00 EXCELLENT, 402 100.00 EXCELLENT (#1); "
                + "bottom 403 60.00 MEDIUM (#4)"), out);
        assertTrue(out.contains("通报表扬 praised: [401]"), out);
        assertTrue(out.contains("通报批评 criticised: [404]"), out);
        assertEquals(-1, out.indexOf("INST-1"), "institutions are not ranked with departments");
    }

    /** §4.2 and §4.3: policy/transfer composites and the lower regions' transfer factors, with their sources. */
    @Test
    void lowerRegionsTransferFactorsAreShownApartFromTheRegionsOwnFigures() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode adjustments = mapper.readTree("""
                {"items": [
                 {"region": "440400", "body": {"scope": "TRANSFER", "subjectCode": "440400-2027-000109", "action": "REDUCE",
                   "deltaAmount": "-50000.00", "basis": {"score": "73.43", "grade": "MEDIUM", "evaluationScore": "72.00",
                   "components": {"MONITORING": {"score": "90.00", "source": "PERFLINK", "n": 1},
                                  "EVALUATION": {"score": "72.00", "source": "PERFLINK", "n": 1}}}}},
                 {"region": "440400", "body": {"scope": "REGION", "subjectCode": "440402", "action": "REDUCE",
                   "deltaAmount": "-24000000.00", "baseAmount": "800000000.00",
                   "basis": {"score": "73.80", "grade": "MEDIUM", "coefficient": "0.97",
                   "components": {"TARGETS": {"score": "72.00", "source": "PERFLINK", "n": 5},
                                  "MONITORING": {"score": "93.00", "source": "PERFLINK", "n": 5},
                                  "EVALUATION": {"score": "74.00", "source": "PERFLINK", "n": 4}}}}}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoSummary summary = new DemoSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        summary.composites(adjustments);
        summary.adjustments(adjustments, mapper.readTree("{\"items\": []}"));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("下级地区 440402  73.80 MEDIUM 系数 factor ×0.97 → REDUCE -24000000.00 元 on transfers of "
                + "800000000.00 元  TARGETS 72.00 PERFLINK n=5, MONITORING 93.00 PERFLINK n=5, EVALUATION 74.00 PERFLINK n=4"), out);
        assertTrue(out.contains("转移支付 TRANSFER 440400-2027-000109  73.43 MEDIUM (Score 72.00) → REDUCE  MONITORING 90.00 PERFLINK n=1"), out);
        // the lower region's envelope is not one of 440400's allocations
        assertTrue(out.contains("allocations inside them (项目/政策/转移支付) -50000.00 元"), out);
        assertTrue(out.contains("REGION:REDUCE=1"), out);
    }
}
