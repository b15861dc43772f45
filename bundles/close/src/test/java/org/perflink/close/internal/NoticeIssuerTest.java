package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Notice.Type;
import org.perflink.api.rules.RulePack;

class NoticeIssuerTest {

    private static final LocalDate DATE = LocalDate.of(2028, 3, 1);
    private final NoticeIssuer issuer = new NoticeIssuer(RulePack.DEFAULT);

    private List<Notice> issue(DepartmentTally tally) {
        return issuer.issue(REGION, YEAR, DATE, tally);
    }

    private static List<Type> types(List<Notice> notices) {
        return notices.stream().map(Notice::type).collect(Collectors.toList());
    }

    @Test
    void nothingTriggersNothing() {
        DepartmentTally t = new DepartmentTally("101").project("P1", Grade.GOOD, false).project("P2", Grade.EXCELLENT, false)
                .redWarnings("P1", 0).composite(d("85"), Grade.GOOD);
        assertEquals(List.of(), issue(t));
    }

    @Test
    void aMediumProjectBringsAReminderDueIn20Days() {
        List<Notice> notices = issue(new DepartmentTally("101").project("P1", Grade.MEDIUM, false));
        assertEquals(List.of(Type.REMINDER), types(notices));
        Notice n = notices.get(0);
        assertEquals("440000-2027.101.REMINDER", n.noticeId());
        assertEquals(REGION, n.regionCode());
        assertEquals(YEAR, n.year());
        assertEquals("101", n.departmentCode());
        assertEquals(LocalDate.of(2028, 3, 21), n.dueDate());
        assertEquals(List.of("1个项目绩效评价等级为“中”"), n.reasons());
        assertEquals(List.of("P1"), n.subjects());
    }

    @Test
    void anInflatedSelfScoreBringsAReminder() {
        List<Notice> notices = issue(new DepartmentTally("101").project("P1", Grade.GOOD, true));
        assertEquals(List.of(Type.REMINDER), types(notices));
        assertEquals(List.of("1个项目自评得分明显高于评价得分（自评虚高）"), notices.get(0).reasons());
    }

    @Test
    void redWarningsBringAReminder() {
        List<Notice> notices = issue(new DepartmentTally("101").project("P1", Grade.GOOD, false).redWarnings("P1", 2)
                .redWarnings("P2", 1));
        assertEquals(List.of(Type.REMINDER), types(notices));
        assertEquals(List.of("年度内发生3次红色预警"), notices.get(0).reasons());
        assertEquals(List.of("P1", "P2"), notices.get(0).subjects());
    }

    @Test
    void aPoorProjectBringsARectificationDueIn30Days() {
        List<Notice> notices = issue(new DepartmentTally("101").project("P9", Grade.POOR, false));
        assertEquals(List.of(Type.RECTIFICATION), types(notices));
        assertEquals(LocalDate.of(2028, 3, 31), notices.get(0).dueDate());
        assertEquals(List.of("1个项目绩效评价等级为“差”"), notices.get(0).reasons());
        assertEquals(List.of("P9"), notices.get(0).subjects());
    }

    @Test
    void aMediumCompositeBringsARectification() {
        List<Notice> notices = issue(new DepartmentTally("101").composite(d("72.456"), Grade.MEDIUM));
        assertEquals(List.of(Type.RECTIFICATION), types(notices));
        assertEquals(List.of("部门预算绩效综合得分72.46分，等级为“中”"), notices.get(0).reasons());
        assertEquals(List.of(), notices.get(0).subjects());
    }

    @Test
    void aPoorCompositeBringsAnInterview() {
        List<Notice> notices = issue(new DepartmentTally("101").composite(d("55"), Grade.POOR));
        assertEquals(List.of(Type.INTERVIEW), types(notices));
        assertEquals(LocalDate.of(2028, 3, 31), notices.get(0).dueDate());
        assertEquals("440000-2027.101.INTERVIEW", notices.get(0).noticeId());
    }

    @Test
    void threePoorProjectsBringAnInterviewTwoDoNot() {
        DepartmentTally t = new DepartmentTally("101").project("P1", Grade.POOR, false).project("P2", Grade.POOR, false);
        assertEquals(List.of(Type.RECTIFICATION), types(issue(t)));

        t.project("P3", Grade.POOR, false);
        List<Notice> notices = issue(t);
        assertEquals(List.of(Type.RECTIFICATION, Type.INTERVIEW), types(notices));
        assertEquals(List.of("3个项目绩效评价等级为“差”，达到3个"), notices.get(1).reasons());
        assertEquals(List.of("P1", "P2", "P3"), notices.get(1).subjects());
    }

    @Test
    void atMostOneNoticePerTypeWithEveryReason() {
        DepartmentTally t = new DepartmentTally("101")
                .project("P3", Grade.MEDIUM, false).project("P1", Grade.MEDIUM, true).project("P2", Grade.GOOD, true)
                .redWarnings("P4", 1)
                .project("P5", Grade.POOR, false).project("P6", Grade.POOR, false).project("P7", Grade.POOR, true)
                .composite(d("50"), Grade.POOR);
        List<Notice> notices = issue(t);
        assertEquals(List.of(Type.REMINDER, Type.RECTIFICATION, Type.INTERVIEW), types(notices));
        Notice reminder = notices.get(0);
        assertEquals(List.of("2个项目绩效评价等级为“中”", "3个项目自评得分明显高于评价得分（自评虚高）", "年度内发生1次红色预警"),
                reminder.reasons());
        assertEquals(List.of("P1", "P2", "P3", "P4", "P7"), reminder.subjects());
        assertEquals(List.of("3个项目绩效评价等级为“差”"), notices.get(1).reasons());
        assertEquals(2, notices.get(2).reasons().size(), "composite POOR and ≥ 3 POOR projects");
    }

    @Test
    void aProjectRecordedTwiceCountsOnceWithItsLatestGrade() {
        DepartmentTally t = new DepartmentTally("101").project("P1", Grade.MEDIUM, true).project("P1", Grade.POOR, false)
                .project("P2", Grade.POOR, false).project("P2", Grade.POOR, false);
        assertEquals(List.of(Type.RECTIFICATION), types(issue(t)));
        assertEquals(List.of("2个项目绩效评价等级为“差”"), issue(t).get(0).reasons());
    }

    @Test
    void dueDaysAndTheInterviewThresholdAreParameters() {
        NoticeIssuer custom = new NoticeIssuer(pack("notice.reminder.dueDays", "15", "notice.interview.poorProjects", "2"));
        DepartmentTally t = new DepartmentTally("101").project("P1", Grade.POOR, false).project("P2", Grade.POOR, false)
                .project("P3", Grade.MEDIUM, false);
        List<Notice> notices = custom.issue(REGION, YEAR, DATE, t);
        assertEquals(List.of(Type.REMINDER, Type.RECTIFICATION, Type.INTERVIEW), types(notices));
        assertEquals(LocalDate.of(2028, 3, 16), notices.get(0).dueDate());
        assertTrue(notices.get(2).reasons().get(0).contains("达到2个"));
    }
}
