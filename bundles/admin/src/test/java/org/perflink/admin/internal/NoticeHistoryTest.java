package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

/** A department's notice history (rules.md §5): cases with their steps, due dates, triggers and state. */
class NoticeHistoryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Stored oldest first, as the ledger keeps them: the steps after their first notices. */
    private static FakeStore store() {
        FakeStore s = new FakeStore();
        s.results.put("440000/NOTICE/101", List.of(
                "{\"noticeId\":\"440000-2027.101.REMINDER\",\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\","
                        + "\"type\":\"REMINDER\",\"dueDate\":\"2028-04-20\",\"reasons\":[\"1个项目绩效评价等级为“中”\"],\"subjects\":[\"P1\"]}",
                "{\"noticeId\":\"440000-2027.101.INTERVIEW\",\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\","
                        + "\"type\":\"INTERVIEW\",\"dueDate\":\"2028-04-30\",\"reasons\":[\"x\"],\"subjects\":[]}",
                "{\"noticeId\":\"440000-2027.101.REMINDER.INTERVIEW\",\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\","
                        + "\"type\":\"INTERVIEW\",\"dueDate\":\"2028-07-10\",\"scope\":\"DEPARTMENT\",\"subjectCode\":\"101\","
                        + "\"issuedOn\":\"2028-06-10\",\"caseId\":\"440000-2027.101.REMINDER\",\"ruleId\":\"NOTICE_ESCALATED\","
                        + "\"escalatedFrom\":\"440000-2027.101.REMINDER.RECTIFICATION\",\"triggers\":[{\"ruleId\":\"NOTICE_FEEDBACK_OVERDUE\","
                        + "\"noticeId\":\"440000-2027.101.REMINDER.RECTIFICATION\",\"dueDate\":\"2028-06-09\",\"asOf\":\"2028-06-10\"}],"
                        + "\"reasons\":[\"整改通知书440000-2027.101.REMINDER.RECTIFICATION应于2028-06-09前报送整改反馈，截至2028-06-10逾期未报送\"]}",
                "{\"noticeId\":\"440000-2027.101.REMINDER.RECTIFICATION\",\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\","
                        + "\"type\":\"RECTIFICATION\",\"dueDate\":\"2028-06-09\",\"scope\":\"DEPARTMENT\",\"subjectCode\":\"101\","
                        + "\"issuedOn\":\"2028-05-10\",\"caseId\":\"440000-2027.101.REMINDER\",\"ruleId\":\"NOTICE_ESCALATED\","
                        + "\"escalatedFrom\":\"440000-2027.101.REMINDER\",\"triggers\":[{\"ruleId\":\"NOTICE_FEEDBACK_REJECTED\","
                        + "\"noticeId\":\"440000-2027.101.REMINDER\",\"dueDate\":\"2028-04-20\",\"decidedOn\":\"2028-04-18\","
                        + "\"asOf\":\"2028-05-10\"}],\"reasons\":[\"r\"]}",
                "{\"noticeId\":\"440000-2027.101.INTERVIEW.REFERRAL\",\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"101\","
                        + "\"type\":\"REFERRAL\",\"referralTo\":\"DISCIPLINE\",\"scope\":\"DEPARTMENT\",\"subjectCode\":\"101\","
                        + "\"issuedOn\":\"2028-05-10\",\"caseId\":\"440000-2027.101.INTERVIEW\",\"ruleId\":\"NOTICE_ESCALATED\","
                        + "\"escalatedFrom\":\"440000-2027.101.INTERVIEW\",\"triggers\":[{\"ruleId\":\"NOTICE_FEEDBACK_REJECTED\","
                        + "\"noticeId\":\"440000-2027.101.INTERVIEW\",\"dueDate\":\"2028-04-30\",\"decidedOn\":\"2028-04-29\","
                        + "\"asOf\":\"2028-05-10\"}],\"reasons\":[\"v\"]}"));
        s.results.put("440000/NOTICE/102", List.of(
                "{\"noticeId\":\"440000-2027.102.REMINDER\",\"regionCode\":\"440000\",\"year\":2027,\"departmentCode\":\"102\","
                        + "\"type\":\"REMINDER\",\"dueDate\":\"2028-04-20\",\"reasons\":[\"y\"],\"subjects\":[]}"));
        return s;
    }

    @Test
    void casesGroupTheFirstNoticesAndTheirStepsInLadderOrder() {
        List<NoticeHistory.Case> cases = NoticeHistory.of(store(), MAPPER, "440000", " 101 ");
        assertEquals(List.of("440000-2027.101.INTERVIEW", "440000-2027.101.REMINDER"),
                cases.stream().map(NoticeHistory.Case::caseId).toList());
        NoticeHistory.Case interview = cases.get(0);
        assertEquals(NoticeHistory.REFERRED, interview.state());
        assertEquals("已移交纪检监察机关", NoticeHistory.stateZh(interview));
        NoticeHistory.Case reminder = cases.get(1);
        assertEquals(List.of("REMINDER", "RECTIFICATION", "INTERVIEW"), reminder.steps().stream().map(NoticeHistory.Step::type).toList());
        assertEquals(NoticeHistory.ESCALATED, reminder.state());
        assertEquals("已升级至工作约谈", NoticeHistory.stateZh(reminder));
        NoticeHistory.Case only = NoticeHistory.of(store(), MAPPER, "440000", "102").get(0);
        assertEquals(NoticeHistory.ISSUED, only.state());
        assertEquals(List.of(), NoticeHistory.of(store(), MAPPER, "440000", "999"));
    }

    @Test
    void theTextShowsEachStepWithWhatItFollowedFromChineseFirst() {
        String text = NoticeHistoryText.render("440000", "101", NoticeHistory.of(store(), MAPPER, "440000", "101"));
        assertTrue(text.startsWith("地区 440000 对象 101 问责通知跟踪 (notice history): 2 个案件 (cases)"), text);
        assertTrue(text.contains("案件 case 440000-2027.101.REMINDER  状态 state: 已升级至工作约谈 (ESCALATED)"), text);
        assertTrue(text.contains("2. 要求整改 RECTIFICATION  440000-2027.101.REMINDER.RECTIFICATION\n"
                + "     发出 issued 2028-05-10   期限 due 2028-06-09\n"
                + "     依据 from 440000-2027.101.REMINDER: 反馈未通过 NOTICE_FEEDBACK_REJECTED (期限 due 2028-04-20, 反馈退回 rejected 2028-04-18, 跟踪日 asOf 2028-05-10)"), text);
        assertTrue(text.contains("1. 提醒敦促 REMINDER  440000-2027.101.REMINDER\n     发出 issued —   期限 due 2028-04-20\n"), text);
        assertTrue(text.contains("移交 referred to 纪检监察机关 DISCIPLINE"), text);
        assertTrue(text.contains("依据 from 440000-2027.101.REMINDER.RECTIFICATION: 逾期未反馈 NOTICE_FEEDBACK_OVERDUE (期限 due 2028-06-09, 跟踪日 asOf 2028-06-10)"), text);
        assertTrue(NoticeHistoryText.render("440000", "999", List.of()).contains("无问责通知 (no notices)"));
    }

    @Test
    void theJsonHasTheCasesWithTheirStepsAsWritten() {
        ObjectNode json = NoticeHistory.json(MAPPER, "440000", "101", NoticeHistory.of(store(), MAPPER, "440000", "101"));
        JsonNode reminder = json.path("cases").get(1);
        assertEquals("440000-2027.101.REMINDER", reminder.path("caseId").asText());
        assertEquals("ESCALATED", reminder.path("state").asText());
        assertEquals(3, reminder.path("steps").size());
        assertEquals("2028-06-09", reminder.path("steps").get(1).path("dueDate").asText());
    }

    @Test
    void aBadCodeIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoticeHistory.requireSubject(" "));
        assertTrue(e.getMessage().contains("department or region code"), e.getMessage());
    }
}
