package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.pack;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;

/**
 * rules.md §6 worked check (the style of §3.1): four projects, three notices of the year before, two adjustments.
 * P1 PUBLISHED PASS on time, one YELLOW cleared, self-evaluated; P2 PUBLISHED WARN on time, a NO_DATA warning, one RED
 * not cleared, self-evaluated and inflated; P3 PUBLISHED BLOCK with a blocking SYNC_ finding, self-evaluated; P4 no
 * PUBLISHED verdict, no self-evaluation. Notices: one accepted on time, one accepted late, one rejected; adjustments:
 * one honoured, one not.
 * ON_TIME 2/4 × 15 = 7.50; QUALITY (1 + 0.8 + 0) / 3 × 10 = 6.00; COVERAGE 3/4 × 10 = 7.50; WARNINGS 1/2 × 10 = 5.00;
 * SELF_EVAL_COVERAGE 3/4 × 15 = 11.25; HONESTY (1 − 1/3) × 10 = 6.67; RECTIFICATION 1/3 × 15 = 5.00; APPLIED 1/2 × 15
 * = 7.50; total 56.4166… = **56.42, POOR**. A 1.0 host (no feedback): 51.4166… × 100 / 85 = **60.49, MEDIUM**.
 */
class AssessmentPartsTest {

    static SubjectFacts worked(String code) {
        SubjectFacts s = new SubjectFacts(Assessment.Scope.DEPARTMENT, code);
        s.project(new ProjectFacts("P1", true, true, Verdict.Outcome.PASS, d("1"), false, 1, 1, true, false));
        s.project(new ProjectFacts("P2", true, true, Verdict.Outcome.WARN, d("0.8"), true, 1, 0, true, true));
        s.project(new ProjectFacts("P3", true, false, Verdict.Outcome.BLOCK, d("0"), false, 0, 0, true, false));
        s.project(new ProjectFacts("P4", false, false, null, d("0"), false, 0, 0, false, false));
        s.notice(new SubjectFacts.NoticeOutcome("N-ONTIME", true));
        s.notice(new SubjectFacts.NoticeOutcome("N-LATE", false));
        s.notice(new SubjectFacts.NoticeOutcome("N-REJECTED", false));
        s.applied(new SubjectFacts.AppliedOutcome("A-OK", true));
        s.applied(new SubjectFacts.AppliedOutcome("A-EXCEEDED", false));
        return s;
    }

    private static Map<String, Assessment.Part> byRule(AssessmentParts.Scored scored) {
        Map<String, Assessment.Part> m = new java.util.LinkedHashMap<>();
        scored.parts().forEach(p -> m.put(p.ruleId(), p));
        return m;
    }

    @Test
    void workedCheckToTheCent() {
        AssessmentParts.Scored scored = new AssessmentParts(RulePack.DEFAULT).score(worked("101"), true);
        Map<String, Assessment.Part> parts = byRule(scored);
        assertEquals(List.of(AssessmentParts.TARGETS_ON_TIME, AssessmentParts.TARGETS_QUALITY,
                AssessmentParts.MONITORING_COVERAGE, AssessmentParts.WARNINGS_HANDLED, AssessmentParts.SELF_EVAL_COVERAGE,
                AssessmentParts.SELF_EVAL_HONESTY, AssessmentParts.RECTIFICATION_ON_TIME, AssessmentParts.RESULTS_APPLIED),
                List.copyOf(parts.keySet()));
        assertEquals(d("7.50"), parts.get(AssessmentParts.TARGETS_ON_TIME).points());
        assertEquals(d("6.00"), parts.get(AssessmentParts.TARGETS_QUALITY).points());
        assertEquals(d("7.50"), parts.get(AssessmentParts.MONITORING_COVERAGE).points());
        assertEquals(d("5.00"), parts.get(AssessmentParts.WARNINGS_HANDLED).points());
        assertEquals(d("11.25"), parts.get(AssessmentParts.SELF_EVAL_COVERAGE).points());
        assertEquals(d("6.67"), parts.get(AssessmentParts.SELF_EVAL_HONESTY).points());
        assertEquals(d("5.00"), parts.get(AssessmentParts.RECTIFICATION_ON_TIME).points());
        assertEquals(d("7.50"), parts.get(AssessmentParts.RESULTS_APPLIED).points());
        assertEquals("56.42", Figures.score(scored.total()));
        assertEquals(Grade.POOR, scored.grade());
        assertEquals(d("15"), parts.get(AssessmentParts.TARGETS_ON_TIME).max());
    }

    @Test
    void theRecordsBehindEachPartAreNamed() {
        Map<String, Assessment.Part> parts = byRule(new AssessmentParts(RulePack.DEFAULT).score(worked("101"), true));
        assertEquals(Map.of("onTime", "2", "projects", "4", "worst", "P3,P4"), parts.get(AssessmentParts.TARGETS_ON_TIME).figures());
        assertEquals(Map.of("PASS", "1", "WARN", "1", "BLOCK", "1", "worst", "P3,P2"), parts.get(AssessmentParts.TARGETS_QUALITY).figures());
        assertEquals(Map.of("covered", "3", "projects", "4", "worst", "P2"), parts.get(AssessmentParts.MONITORING_COVERAGE).figures());
        assertEquals(Map.of("cleared", "1", "warnings", "2", "worst", "P2"), parts.get(AssessmentParts.WARNINGS_HANDLED).figures());
        assertEquals(Map.of("inflated", "1", "evaluated", "3", "worst", "P2"), parts.get(AssessmentParts.SELF_EVAL_HONESTY).figures());
        assertEquals(Map.of("onTime", "1", "notices", "3", "worst", "N-LATE,N-REJECTED"),
                parts.get(AssessmentParts.RECTIFICATION_ON_TIME).figures());
        assertEquals(Map.of("honoured", "1", "adjustments", "2", "worst", "A-EXCEEDED"),
                parts.get(AssessmentParts.RESULTS_APPLIED).figures());
    }

    @Test
    void withoutNoticeFeedbackThePartIsLeftOutAndTheTotalRescaled() {
        AssessmentParts.Scored scored = new AssessmentParts(RulePack.DEFAULT).score(worked("101"), false);
        assertEquals(7, scored.parts().size());
        assertEquals(0, scored.parts().stream().filter(p -> p.ruleId().equals(AssessmentParts.RECTIFICATION_ON_TIME)).count());
        assertEquals("60.49", Figures.score(scored.total()));
        assertEquals(Grade.MEDIUM, scored.grade());
    }

    @Test
    void aShareWithNothingToCountEarnsFullPoints() {
        SubjectFacts empty = new SubjectFacts(Assessment.Scope.DEPARTMENT, "102");
        AssessmentParts.Scored scored = new AssessmentParts(RulePack.DEFAULT).score(empty, true);
        scored.parts().forEach(p -> assertEquals(p.max().setScale(2), p.points(), p.ruleId()));
        assertEquals("100.00", Figures.score(scored.total()));
        assertEquals(Grade.EXCELLENT, scored.grade());
    }

    @Test
    void pointsAreParametersAndTheTotalIsRescaledToThem() {
        // RESULTS_APPLIED worth 0: 48.9166… of 85 points, rescaled: 57.55
        RulePack p = pack("assess.points.ASSESS_RESULTS_APPLIED", "0");
        AssessmentParts.Scored scored = new AssessmentParts(p).score(worked("101"), true);
        assertEquals("57.55", Figures.score(scored.total()));
    }
}
