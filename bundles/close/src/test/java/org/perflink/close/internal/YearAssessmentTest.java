package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.close.internal.Fixtures.d;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.rules.RulePack;

/**
 * rules.md §6 for lower regions: ranked among R's lower regions (not with its departments), and §5's last bullet: a
 * lower region on the criticism list gets an INTERVIEW {@code {R}-{Y}.REGION.{L}.INTERVIEW}.
 */
class YearAssessmentTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2028-03-31T10:00:00+08:00");

    @Test
    void lowerRegionsAreRankedAmongThemselvesAndTheCriticisedOnesInterviewed() {
        SubjectFacts good = new SubjectFacts(Assessment.Scope.REGION, "440100").composite(d("88"), Grade.GOOD);
        SubjectFacts poor = new SubjectFacts(Assessment.Scope.REGION, "440300").composite(d("58"), Grade.POOR);
        YearAssessment year = new YearAssessment("440000", 2027, RulePack.DEFAULT);
        NoticeCases cases = new NoticeCases("440000", 2027, LocalDate.parse("2028-03-31"));

        List<Assessment> out = year.assess(cases, cases, true, List.of(good, poor), AT);
        assertEquals(List.of("440000-2027.REGION.440100", "440000-2027.REGION.440300"),
                out.stream().map(Assessment::assessmentId).toList());
        out.forEach(a -> assertEquals(2, a.rankOf()));
        assertEquals(List.of(1, 1), out.stream().map(Assessment::rank).toList(), "no records: both full, tied");
        assertEquals(List.of(AssessmentRanking.LIST_PRAISE, AssessmentRanking.LIST_CRITICISM),
                out.stream().map(Assessment::list).toList());

        List<Notice> interviews = year.regionInterviews(out, LocalDate.parse("2028-03-31"));
        assertEquals(1, interviews.size());
        Notice n = interviews.get(0);
        assertEquals("440000-2027.REGION.440300.INTERVIEW", n.noticeId());
        assertEquals(Notice.Type.INTERVIEW, n.type());
        assertEquals(LocalDate.parse("2028-04-30"), n.dueDate());
        assertEquals(List.of("预算绩效管理工作考核100.00分（等级“优”，排名第1/2），列入通报批评名单"), n.reasons());
    }
}
