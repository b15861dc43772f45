package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * rules.md §6 for lower regions, through the hook: R's whole-year LINK assesses each lower region with a §4.3
 * composite from that region's own records, ranks it among R's lower regions, and sends the one on the CRITICISM list
 * an INTERVIEW (§5 last bullet).
 */
class LowerRegionAssessmentTest {

    private static final String A = "440100";
    private static final String B = "440200";
    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2028, 3, 31, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    /** B's two projects, both self-scored, 1 000 000 each. */
    private static FakeHost hostOfB() {
        FakeHost h = new FakeHost();
        for (String code : List.of("M1", "M2")) {
            h.evaluated(exactProject(code, "301", ProjectKind.PROJECT),
                    exactInput(code, "80").budget("1000000").selfScore("95").build());
        }
        return h;
    }

    private static Score scoreOfB(String code, String value, boolean inflated) {
        List<Finding> findings = inflated
                ? List.of(new Finding(ProjectScorer.SELF_SCORE_INFLATED, Severity.WARN, "selfScore", "自评分虚高", "inflated", Map.of()))
                : List.of();
        return new Score(Score.idOf(code, YEAR), code, B, YEAR, d(value), Grade.POOR, Score.Source.SELF_EVALUATION,
                List.of(), d("95"), findings, "default@1");
    }

    /**
     * What PerfLink wrote for B: both verdicts BLOCK (TARGETS 0.00); M1 an uncleared RED (m 90), M2 none (100):
     * MONITORING 95.00; Scores 50 (M1, SELF_SCORE_INFLATED) and 40: EVALUATION 45.00. Composite 0.2·0 + 0.3·95 +
     * 0.5·45 = 51.00, POOR.
     */
    private static ResultHistory recordsOfB() {
        return new ResultHistory() {
            @Override
            public List<Verdict> verdicts(String code) {
                return List.of(new Verdict(Verdict.idOf(code, Phase.PUBLISHED, 1), code, B, YEAR, Phase.PUBLISHED, 1,
                        Verdict.Outcome.BLOCK, List.of(), "default@1", OCCURRED));
            }

            @Override
            public List<Warning> warnings(String code) {
                LocalDate asOf = LocalDate.of(2027, 9, 30);
                return "M1".equals(code) ? List.of(new Warning(Warning.idOf(code, asOf, Warning.Type.EXECUTION_LAG), code, B,
                        YEAR, asOf, Warning.Type.EXECUTION_LAG, Warning.Level.RED, Map.of(), Map.of(), Warning.Action.CORRECT,
                        "EXECUTION_LAG", "", "")) : List.of();
            }

            @Override
            public List<Score> scores(String code) {
                return List.of("M1".equals(code) ? scoreOfB("M1", "50.00", true) : scoreOfB("M2", "40.00", false));
            }
        };
    }

    static LowerRegions twoLowerRegions() {
        Map<String, ResultHistory> histories = Map.of(A, LowerRegionLinkageTest.records(true), B, recordsOfB());
        Map<String, HostGateway> hosts = Map.of(A, LowerRegionLinkageTest.lowerHost(), B, hostOfB());
        return new LowerRegions() {
            @Override
            public List<String> codes() {
                return List.of(A, B);
            }

            @Override
            public ResultHistory history(String regionCode) {
                return histories.get(regionCode);
            }

            @Override
            public HostGateway host(String regionCode) {
                return hosts.get(regionCode);
            }
        };
    }

    private static RecordingContext link(FakeHost upper, LowerRegions lower) throws HostException {
        RecordingContext ctx = new RecordingContext(new StageEvent(9, "ev-9", REGION, YEAR, Stage.CLOSE, Phase.LINK,
                List.of(), OCCURRED, null), RulePack.DEFAULT, upper).lowerRegions(lower).refuseDuplicateRejections();
        new CloseHook().handle(ctx);
        return ctx;
    }

    private static Assessment of(RecordingContext ctx, String code) {
        return ctx.bodies(Assessment.class).stream().filter(a -> a.scope() == Assessment.Scope.REGION
                && a.subjectCode().equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, String> points(Assessment a) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        a.parts().forEach(p -> out.put(p.ruleId(), p.points().toPlainString()));
        return out;
    }

    @Test
    void workedCheckOfTwoLowerRegionsRankedAmongThemselves() throws HostException {
        RecordingContext ctx = link(LowerRegionLinkageTest.upperHost("1.1"), twoLowerRegions());

        // A (440100, LowerRegionLinkageTest's records): 5 projects, all PUBLISHED without SYNC_* → 15; verdict points
        // 1, 1, 0.8, 0, 0.8 → 10 × 0.72 = 7.20; no NO_DATA → 10; 1 of 6 warnings cleared → 1.67; none self-scored → 0
        // and honesty 10; nothing of 2026, no REDUCE/CANCEL → 15 + 15. Total 73.866… → 73.87 MEDIUM.
        Assessment a = of(ctx, A);
        assertEquals("440000-2027.REGION.440100", a.assessmentId());
        assertEquals(Map.of("ASSESS_TARGETS_ON_TIME", "15.00", "ASSESS_TARGETS_QUALITY", "7.20",
                "ASSESS_MONITORING_COVERAGE", "10.00", "ASSESS_WARNINGS_HANDLED", "1.67", "ASSESS_SELF_EVAL_COVERAGE", "0.00",
                "ASSESS_SELF_EVAL_HONESTY", "10.00", "ASSESS_RECTIFICATION_ON_TIME", "15.00", "ASSESS_RESULTS_APPLIED", "15.00"),
                points(a));
        assertEquals(d("73.87"), a.total());
        assertEquals(Grade.MEDIUM, a.grade());
        assertEquals(d("73.80"), a.composite(), "its §4.3 composite, deductions 3 + 2.5 off 79.30");

        // B (440200): 15 + 0 + 10 + 0 (its RED not cleared) + 15 + 10 × (1 − 1/2) = 5 + 15 + 15 = 75.00 MEDIUM
        Assessment b = of(ctx, B);
        assertEquals(Map.of("ASSESS_TARGETS_ON_TIME", "15.00", "ASSESS_TARGETS_QUALITY", "0.00",
                "ASSESS_MONITORING_COVERAGE", "10.00", "ASSESS_WARNINGS_HANDLED", "0.00", "ASSESS_SELF_EVAL_COVERAGE", "15.00",
                "ASSESS_SELF_EVAL_HONESTY", "5.00", "ASSESS_RECTIFICATION_ON_TIME", "15.00", "ASSESS_RESULTS_APPLIED", "15.00"),
                points(b));
        assertEquals(d("75.00"), b.total());
        assertEquals(d("51.00"), b.composite());

        // ranked among R's lower regions only: B first, A second
        assertEquals(List.of(1, 2), List.of(b.rank(), a.rank()));
        assertEquals(List.of(2, 2), List.of(b.rankOf(), a.rankOf()));
        // B's composite is POOR: CRITICISM although ranked first; A is on no list (composite MEDIUM)
        assertEquals(AssessmentRanking.LIST_CRITICISM, b.list());
        assertNull(a.list());

        // the criticised lower region's INTERVIEW, due 30 days after the LINK's date, beside its §4.3 RECTIFICATION
        List<String> toB = ctx.bodies(Notice.class).stream().filter(n -> B.equals(n.subject())).map(Notice::noticeId).toList();
        assertEquals(List.of("440000-2027.REGION.440200.RECTIFICATION", "440000-2027.REGION.440200.INTERVIEW"), toB);
        Notice interview = ctx.bodies(Notice.class).stream()
                .filter(n -> n.noticeId().equals("440000-2027.REGION.440200.INTERVIEW")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2028, 4, 30), interview.dueDate());
        assertEquals(Notice.Scope.REGION, interview.scope());
        HostResult written = ctx.emitted.stream().filter(r -> r.id().equals(interview.noticeId())).findFirst().orElseThrow();
        assertEquals(B, written.subject());
        assertTrue(ctx.bodies(Notice.class).stream().noneMatch(n -> n.noticeId().equals("440000-2027.REGION.440100.INTERVIEW")));
        assertTrue(ctx.rejected.isEmpty(), ctx.rejectedByKey().toString());
    }

    /** A lower region's notice of 2026 answered late costs it RECTIFICATION_ON_TIME, read through the §5 cases. */
    @Test
    void aLowerRegionsNoticeOfTheYearBeforeAnsweredLateCostsItsRectificationPoints() throws HostException {
        FakeHost upper = LowerRegionLinkageTest.upperHost("1.1");
        Notice earlier = Notice.toRegion(REGION, YEAR - 1, A, Notice.Type.REMINDER, LocalDate.of(2027, 4, 20), List.of("r"),
                List.of());
        upper.feedback(new NoticeFeedback(earlier.noticeId(), LocalDate.of(2027, 4, 25), NoticeFeedback.Status.ACCEPTED,
                LocalDate.of(2027, 4, 28), false, null));
        RecordingContext ctx = new RecordingContext(new StageEvent(9, "ev-9", REGION, YEAR, Stage.CLOSE, Phase.LINK,
                List.of(), OCCURRED, null), RulePack.DEFAULT, upper).lowerRegions(twoLowerRegions())
                .history(new ResultHistory() {
                    @Override
                    public List<Warning> warnings(String projectCode) {
                        return List.of();
                    }

                    @Override
                    public List<Notice> notices(String subjectCode) {
                        return A.equals(subjectCode) ? List.of(earlier) : List.of();
                    }
                });
        new CloseHook().handle(ctx);
        Assessment a = of(ctx, A);
        // 0 of 1 notices on time: 73.87 − 15 = 58.87 (58.866…), POOR → CRITICISM and an INTERVIEW to A too
        assertEquals("0.00", points(a).get("ASSESS_RECTIFICATION_ON_TIME"));
        assertEquals(d("58.87"), a.total());
        assertEquals(AssessmentRanking.LIST_CRITICISM, a.list());
        assertTrue(ctx.bodies(Notice.class).stream().anyMatch(n -> n.noticeId().equals("440000-2027.REGION.440100.INTERVIEW")));
    }

    /** Handling the LINK again, with the lower regions' hosts paging differently, writes the same ids and bodies. */
    @Test
    void theSameYearTwiceGivesTheSameAssessments() throws HostException {
        RecordingContext first = link(LowerRegionLinkageTest.upperHost("1.1"), twoLowerRegions());
        RecordingContext again = link(LowerRegionLinkageTest.upperHost("1.1"), twoLowerRegions());
        List<HostResult> assessments = first.emitted.stream().filter(r -> r.kind() == ResultKind.ASSESSMENT).toList();
        assertEquals(2, assessments.size());
        assertEquals(assessments, again.emitted.stream().filter(r -> r.kind() == ResultKind.ASSESSMENT).toList());
        assertEquals(first.emitted, again.emitted);
    }
}
