package org.perflink.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Phase;
import org.perflink.api.model.StageEvent;

/** Notices on the wire (host-api-v1.md): a v1 notice as v1 wrote it, an escalation step as the v1.1 example. */
class HostJsonNoticeTest {

    private final ObjectMapper mapper = HostJson.newMapper();

    @Test
    void aFirstNoticeIsWrittenWithTheV1FieldsOnly() throws Exception {
        Notice v1 = new Notice("440000-2027.101.RECTIFICATION", "440000", 2027, "101", Notice.Type.RECTIFICATION,
                LocalDate.parse("2028-04-30"), List.of("..."), List.of("440000-2027-000123"));
        assertEquals(mapper.readTree("""
                {"noticeId": "440000-2027.101.RECTIFICATION", "regionCode": "440000", "year": 2027,
                 "departmentCode": "101", "type": "RECTIFICATION", "dueDate": "2028-04-30",
                 "reasons": ["..."], "subjects": ["440000-2027-000123"]}
                """), mapper.readTree(mapper.writeValueAsString(v1)));
        assertEquals(v1, mapper.readValue(mapper.writeValueAsString(v1), Notice.class));
    }

    @Test
    void anEscalationIsWrittenAsTheContractsExample() throws Exception {
        String example = """
                {"noticeId": "440000-2027.101.REMINDER.RECTIFICATION", "regionCode": "440000", "year": 2027,
                 "scope": "DEPARTMENT", "subjectCode": "101", "departmentCode": "101", "type": "RECTIFICATION",
                 "ruleId": "NOTICE_ESCALATED", "caseId": "440000-2027.101.REMINDER", "escalatedFrom": "440000-2027.101.REMINDER",
                 "triggers": [{"ruleId": "NOTICE_FEEDBACK_REJECTED", "noticeId": "440000-2027.101.REMINDER",
                               "dueDate": "2028-04-20", "decidedOn": "2028-04-18", "asOf": "2028-05-10"}],
                 "issuedOn": "2028-05-10", "dueDate": "2028-06-09",
                 "reasons": ["提醒敦促函440000-2027.101.REMINDER的整改反馈未获通过，且逾期未重新报送"],
                 "subjects": ["440000-2027-000123"]}
                """;
        Notice step = mapper.readValue(example, Notice.class);
        assertEquals(Notice.Scope.DEPARTMENT, step.scope());
        assertEquals(LocalDate.parse("2028-04-18"), step.triggers().get(0).decidedOn());
        assertEquals(mapper.readTree(example), mapper.readTree(mapper.writeValueAsString(step)));

        Notice referral = mapper.readValue("""
                {"noticeId": "440000-2027.REGION.440100.INTERVIEW.REFERRAL", "regionCode": "440000", "year": 2027,
                 "scope": "REGION", "subjectCode": "440100", "type": "REFERRAL", "referralTo": "ORGANIZATION",
                 "ruleId": "NOTICE_ESCALATED", "caseId": "440000-2027.REGION.440100.INTERVIEW",
                 "escalatedFrom": "440000-2027.REGION.440100.INTERVIEW", "issuedOn": "2028-05-31", "reasons": ["..."], "subjects": []}
                """, Notice.class);
        JsonNode written = mapper.readTree(mapper.writeValueAsString(referral));
        assertEquals("ORGANIZATION", written.path("referralTo").asText());
        assertEquals(false, written.has("dueDate"));
        assertEquals(false, written.has("departmentCode"));
        assertEquals("440100", referral.subject());
    }

    @Test
    void aFollowUpEventAndFeedbackAreRead() throws Exception {
        StageEvent e = mapper.readValue("""
                {"seq": 131, "eventId": "ev-440000-131", "regionCode": "440000", "year": 2027, "stage": "CLOSE",
                 "phase": "FOLLOW_UP", "asOf": "2028-05-10", "occurredAt": "2028-05-10T18:00:00+08:00"}
                """, StageEvent.class);
        assertEquals(Phase.FOLLOW_UP, e.phase());
        assertEquals(LocalDate.parse("2028-05-10"), e.asOf());
        NoticeFeedback f = mapper.readValue("""
                {"noticeId": "440000-2027.101.REMINDER", "submittedOn": "2028-04-15", "status": "REJECTED",
                 "decidedOn": "2028-04-18", "violationClue": false}
                """, NoticeFeedback.class);
        assertEquals(NoticeFeedback.Status.REJECTED, f.status());
        assertEquals(Boolean.FALSE, f.violationClue());
        assertNull(f.comment());
    }
}
