package org.perflink.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.perflink.api.model.Stage;
import org.perflink.store.StoreStatus;

/**
 * The follow-up of notices (rules.md §5, 跟踪问效) end to end in Karaf against the mock host (EXPECTED.md, region
 * 460100): the whole-year LINK issues the notices, the host reports feedback on time, late, missing, rejected and
 * rejected with a violation clue, and three CLOSE/FOLLOW_UP events escalate the cases step by step up to REFERRAL;
 * the same follow-ups sent again change nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FollowUpIT extends PerfLinkTestSupport {

    private static final String REGION = "460100";
    private static final String P = REGION + "-2027.";

    @Configuration
    @Override
    public Option[] config() {
        return configWithV11Host();
    }

    @Test
    public void linkNoticesFeedbackAndFollowUpsEscalateTheCases() throws Exception {
        StoreStatus store = getOsgiService(StoreStatus.class);
        configureRegion(REGION, true, true, true);
        // the PUBLISHED verdicts first: 302's department composite (all four components PerfLink's, §4.1) reads them
        // (without them KEY_TARGETS would be 0 and the composite MEDIUM, a RECTIFICATION for 302; EXPECTED.md)
        script(REGION, "COMPILE");
        awaitStage(store, REGION, Stage.COMPILE);
        script(REGION, "CLOSE", "EVALUATE");
        script(REGION, "CLOSE", "LINK");
        awaitClose(store);

        Map<String, JsonNode> first = byId(received(REGION, "notice"));
        assertEquals(first.keySet().toString(), List.of(P + "302.REMINDER", P + "303.RECTIFICATION",
                P + "304.INTERVIEW", P + "304.RECTIFICATION", P + "305.REMINDER", P + "306.REMINDER"), List.copyOf(first.keySet()));
        assertEquals("2028-07-20", body(first, P + "302.REMINDER").path("dueDate").asText());
        assertEquals("2028-07-30", body(first, P + "304.INTERVIEW").path("dueDate").asText());

        script(REGION, "CLOSE", "FOLLOW_UP");
        awaitClose(store);
        Map<String, JsonNode> all = byId(received(REGION, "notice"));
        Map<String, JsonNode> steps = new TreeMap<>(all);
        steps.keySet().removeAll(first.keySet());
        assertEquals(steps.keySet().toString(), List.of(P + "303.RECTIFICATION.INTERVIEW", P + "303.RECTIFICATION.REFERRAL",
                P + "304.INTERVIEW.REFERRAL", P + "304.RECTIFICATION.REFERRAL", P + "305.REMINDER.RECTIFICATION",
                P + "306.REMINDER.INTERVIEW", P + "306.REMINDER.RECTIFICATION", P + "306.REMINDER.REFERRAL"),
                List.copyOf(steps.keySet()));

        // missing feedback: REMINDER → RECTIFICATION (08-10) → INTERVIEW (09-15) → REFERRAL ORGANIZATION (10-20)
        assertStep(steps, P + "306.REMINDER.RECTIFICATION", "RECTIFICATION", P + "306.REMINDER", "2028-08-10",
                "2028-09-09", null, "NOTICE_FEEDBACK_OVERDUE", "2028-07-20");
        assertStep(steps, P + "306.REMINDER.INTERVIEW", "INTERVIEW", P + "306.REMINDER.RECTIFICATION", "2028-09-15",
                "2028-10-15", null, "NOTICE_FEEDBACK_OVERDUE", "2028-09-09");
        assertStep(steps, P + "306.REMINDER.REFERRAL", "REFERRAL", P + "306.REMINDER.INTERVIEW", "2028-10-20",
                null, "ORGANIZATION", "NOTICE_FEEDBACK_OVERDUE", "2028-10-15");
        // late feedback: overdue at 08-10; the step's feedback is accepted on 09-08, the case closes
        assertStep(steps, P + "305.REMINDER.RECTIFICATION", "RECTIFICATION", P + "305.REMINDER", "2028-08-10",
                "2028-09-09", null, "NOTICE_FEEDBACK_OVERDUE", "2028-07-20");
        // rejected on 08-02: waits out notice.resubmitDays (08-12), so the 09-15 follow-up escalates it
        assertStep(steps, P + "303.RECTIFICATION.INTERVIEW", "INTERVIEW", P + "303.RECTIFICATION", "2028-09-15",
                "2028-10-15", null, "NOTICE_FEEDBACK_REJECTED", "2028-07-30");
        assertEquals("2028-08-02", body(steps, P + "303.RECTIFICATION.INTERVIEW").path("triggers").get(0).path("decidedOn").asText());
        // rejected with a violation clue: straight to 纪检监察
        assertStep(steps, P + "304.RECTIFICATION.REFERRAL", "REFERRAL", P + "304.RECTIFICATION", "2028-08-10",
                null, "DISCIPLINE", "NOTICE_FEEDBACK_REJECTED", "2028-07-30");
        assertStep(steps, P + "304.INTERVIEW.REFERRAL", "REFERRAL", P + "304.INTERVIEW", "2028-08-10",
                null, "ORGANIZATION", "NOTICE_FEEDBACK_OVERDUE", "2028-07-30");
        JsonNode step = body(steps, P + "304.RECTIFICATION.REFERRAL");
        assertEquals("DEPARTMENT", step.path("scope").asText());
        assertEquals("304", step.path("subjectCode").asText());
        assertEquals("304", step.path("departmentCode").asText());
        assertEquals("NOTICE_ESCALATED", step.path("ruleId").asText());
        assertFalse(step.path("reasons").get(0).asText().isBlank());
        // on time and accepted: no step for 302
        assertTrue(steps.keySet().stream().noneMatch(id -> id.startsWith(P + "302.")));
        // the first notices keep their v1 bodies
        assertFalse(body(all, P + "302.REMINDER").has("ruleId"));

        // the same follow-ups again: every step was issued once, nothing is rewritten
        List<String> before = bodies(all);
        script(REGION, "CLOSE", "FOLLOW_UP");
        awaitClose(store);
        Map<String, JsonNode> again = byId(received(REGION, "notice"));
        assertEquals(before, bodies(again));
    }

    private void awaitClose(StoreStatus store) throws Exception {
        awaitStage(store, REGION, Stage.CLOSE);
    }

    private static JsonNode body(Map<String, JsonNode> byId, String id) {
        JsonNode row = byId.get(id);
        assertTrue("a notice " + id + " in " + byId.keySet(), row != null);
        return row.path("body");
    }

    private static List<String> bodies(Map<String, JsonNode> byId) {
        List<String> out = new ArrayList<>();
        byId.forEach((id, row) -> out.add(id + " " + row.path("body")));
        return out;
    }

    private static void assertStep(Map<String, JsonNode> byId, String id, String type, String from, String issuedOn,
            String dueDate, String referralTo, String trigger, String fromDue) {
        JsonNode n = body(byId, id);
        assertEquals(id + " type", type, n.path("type").asText());
        assertEquals(id + " escalatedFrom", from, n.path("escalatedFrom").asText());
        assertEquals(id + " issuedOn", issuedOn, n.path("issuedOn").asText());
        assertEquals(id + " dueDate", dueDate, n.has("dueDate") ? n.path("dueDate").asText() : null);
        assertEquals(id + " referralTo", referralTo, n.has("referralTo") ? n.path("referralTo").asText() : null);
        JsonNode t = n.path("triggers");
        assertEquals(id + " triggers " + t, 1, t.size());
        assertEquals(id + " trigger", trigger, t.get(0).path("ruleId").asText());
        assertEquals(id + " trigger notice", from, t.get(0).path("noticeId").asText());
        assertEquals(id + " trigger due", fromDue, t.get(0).path("dueDate").asText());
        assertEquals(id + " trigger asOf", issuedOn, t.get(0).path("asOf").asText());
        assertEquals(id + " case", id.substring(0, id.lastIndexOf('.')), n.path("caseId").asText());
    }
}
