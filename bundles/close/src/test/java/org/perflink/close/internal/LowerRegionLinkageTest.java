package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Adjustment.Component;
import org.perflink.api.model.Adjustment.Source;
import org.perflink.api.model.DepartmentEvaluationInput.Deduction;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * rules.md §4.3 and §5's last bullet through the hook: R's whole-year LINK turns lower region 440100's records into
 * its composite, a REGION adjustment on its transfer baseline and a REMINDER; whatever the order of L's and R's
 * events, the host's answers in between, or how often the year is handled, the ids and bodies are the same.
 */
class LowerRegionLinkageTest {

    private static final String L = "440100";
    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2028, 3, 31, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    /** L's five projects and their final budgets; L5 has no Score (not evaluated), so only its verdict and m count. */
    static FakeHost lowerHost() {
        FakeHost h = new FakeHost().maxPageSize(FakeHost.Feed.EVALUATIONS, 2).maxPageSize(FakeHost.Feed.PROJECTS, 2);
        String[][] budgets = {{"L1", "3000000"}, {"L2", "5000000"}, {"L3", "2000000"}, {"L4", "0"}, {"L5", "1000000"}};
        for (String[] b : budgets) {
            h.evaluated(exactProject(b[0], "201", ProjectKind.PROJECT), exactInput(b[0], "80").budget(b[1]).build());
        }
        return h;
    }

    static FakeHost upperHost(String contract) {
        FakeHost h = new FakeHost();
        h.contract = contract;
        h.subregion(new Subregion(L, 2028, d("800000000.00"), List.of(new Deduction("AUDIT", d("3"), "审计报告"),
                new Deduction("INSPECTION", d("2.5"), "巡视反馈"))));
        h.subregion(new Subregion(L, 2029, d("1.00"), List.of())); // another budget year: not used
        h.subregion(new Subregion("449999", 2028, d("5.00"), List.of())); // not a configured lower region: ignored
        return h;
    }

    private static Score score(String code, String value, Grade grade) {
        return new Score(Score.idOf(code, YEAR), code, L, YEAR, d(value), grade, Score.Source.SELF_EVALUATION, List.of(),
                null, List.of(), "default@1");
    }

    private static Verdict verdict(String code, long revision, Verdict.Outcome outcome) {
        return new Verdict(Verdict.idOf(code, Phase.PUBLISHED, revision), code, L, YEAR, Phase.PUBLISHED, revision, outcome,
                List.of(), "default@1", OCCURRED);
    }

    private static Warning warning(String code, String asOf, Warning.Type type, Warning.Level level) {
        LocalDate date = LocalDate.parse(asOf);
        return new Warning(Warning.idOf(code, date, type), code, L, YEAR, date, type, level, Map.of(), Map.of(),
                Warning.Action.CORRECT, type.name(), "", "");
    }

    /**
     * What PerfLink wrote for L. Verdicts PASS (L1, its BLOCK revision 1 superseded), PASS, WARN, BLOCK, WARN → TARGETS
     * 72.00; uncleared: L1 RED → 90, L2 two YELLOW → 90, L3's RED cleared → 100, L4 RED + YELLOW → 85, L5 none → 100:
     * MONITORING 93.00; Scores 90 (3 000 000), 70 (5 000 000), 60 (2 000 000), 85 (budget 0) → EVALUATION 74.00.
     */
    static ResultHistory records(boolean evaluated) {
        return new ResultHistory() {
            @Override
            public List<Warning> warnings(String code) {
                return switch (code) {
                    case "L1" -> List.of(warning("L1", "2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.RED));
                    case "L2" -> List.of(warning("L2", "2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.YELLOW),
                            warning("L2", "2027-09-30", Warning.Type.TARGET_DEVIATION, Warning.Level.YELLOW));
                    case "L3" -> List.of(warning("L3", "2027-07-31", Warning.Type.EXECUTION_LAG, Warning.Level.RED),
                            warning("L3", "2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.NONE));
                    case "L4" -> List.of(warning("L4", "2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.RED),
                            warning("L4", "2027-09-30", Warning.Type.TARGET_DEVIATION, Warning.Level.YELLOW));
                    default -> List.of();
                };
            }

            @Override
            public List<Verdict> verdicts(String code) {
                return switch (code) {
                    case "L1" -> List.of(verdict("L1", 1, Verdict.Outcome.BLOCK), verdict("L1", 2, Verdict.Outcome.PASS));
                    case "L2" -> List.of(verdict("L2", 1, Verdict.Outcome.PASS));
                    case "L3", "L5" -> List.of(verdict(code, 1, Verdict.Outcome.WARN));
                    case "L4" -> List.of(verdict("L4", 1, Verdict.Outcome.BLOCK));
                    default -> List.of();
                };
            }

            @Override
            public List<Score> scores(String code) {
                if (!evaluated) {
                    return List.of();
                }
                return switch (code) {
                    case "L1" -> List.of(score("L1", "90.00", Grade.EXCELLENT));
                    case "L2" -> List.of(score("L2", "70.00", Grade.MEDIUM));
                    case "L3" -> List.of(score("L3", "60.00", Grade.MEDIUM));
                    case "L4" -> List.of(score("L4", "85.00", Grade.GOOD));
                    default -> List.of();
                };
            }
        };
    }

    static LowerRegions lower(ResultHistory history, HostGateway host) {
        return new LowerRegions() {
            @Override
            public List<String> codes() {
                return List.of(L);
            }

            @Override
            public ResultHistory history(String regionCode) {
                return history;
            }

            @Override
            public HostGateway host(String regionCode) {
                return host;
            }
        };
    }

    private static RecordingContext link(FakeHost upper, LowerRegions lower, RulePack pack) throws HostException {
        RecordingContext ctx = new RecordingContext(new StageEvent(9, "ev-9", REGION, YEAR, Stage.CLOSE, Phase.LINK,
                List.of(), OCCURRED, null), pack, upper).lowerRegions(lower).refuseDuplicateRejections();
        new CloseHook().handle(ctx);
        return ctx;
    }

    private static RecordingContext link(FakeHost upper, LowerRegions lower) throws HostException {
        return link(upper, lower, RulePack.DEFAULT);
    }

    /** The §4.3 results to lower regions (adjustments, notices); their §6 assessments are LowerRegionAssessmentTest's. */
    private static List<HostResult> regionResults(RecordingContext ctx) {
        return ctx.emitted.stream().filter(r -> r.id().contains(".REGION.") && r.kind() != ResultKind.ASSESSMENT).toList();
    }

    @Test
    void workedCheckFromTheLowerRegionsRecords() throws HostException {
        RecordingContext ctx = link(upperHost("1.1"), lower(records(true), lowerHost()));
        Adjustment a = ctx.bodies(Adjustment.class).stream().filter(x -> x.scope() == Adjustment.Scope.REGION)
                .findFirst().orElseThrow();
        assertEquals("440000-2027.REGION.440100", a.adjustmentId());
        assertEquals(new Component(d("72.00"), d("0.2"), Source.PERFLINK, 5, null,
                Map.of("PASS", "2", "WARN", "2", "BLOCK", "1", "worst", "L4,L3,L5")), a.components().get("TARGETS"));
        assertEquals(new Component(d("93.00"), d("0.3"), Source.PERFLINK, 5, null,
                Map.of("unclearedRed", "2", "unclearedYellow", "3", "worst", "L4,L1,L2")), a.components().get("MONITORING"));
        assertEquals(new Component(d("74.00"), d("0.5"), Source.PERFLINK, 4, null, Map.of("worst", "L3,L2,L4")),
                a.components().get("EVALUATION"));
        // 0.2·72 + 0.3·93 + 0.5·74 = 79.30, minus 3 + 2.5 → 73.80 MEDIUM ×0.97 on 800 000 000
        assertEquals(Map.of("score", "73.80", "grade", "MEDIUM", "coefficient", "0.97"), a.basis());
        assertEquals(d("-24000000.00"), a.deltaAmount());
        assertEquals(2028, a.budgetYear());

        Notice n = ctx.bodies(Notice.class).stream().filter(x -> x.scope() == Notice.Scope.REGION).findFirst().orElseThrow();
        assertEquals("440000-2027.REGION.440100.REMINDER", n.noticeId());
        assertEquals(LocalDate.of(2028, 4, 20), n.dueDate());
        assertEquals(List.of("L3", "L2", "L4"), n.subjects());
        HostResult written = regionResults(ctx).stream().filter(r -> r.id().endsWith(".REMINDER")).findFirst().orElseThrow();
        assertEquals(L, written.subject());
        assertTrue(ctx.rejected.isEmpty(), ctx.rejectedByKey().toString());
    }

    /** Host contract 1.0: scope REGION and the subregions pull are v1.1, so nothing is asked and nothing written. */
    @Test
    void aVersionOneHostGetsNoRegionResults() throws HostException {
        FakeHost upper = upperHost("1.0");
        FakeHost lowerHost = lowerHost();
        RecordingContext ctx = link(upper, lower(records(true), lowerHost));
        assertEquals(List.of(), regionResults(ctx));
        assertEquals(List.of(), upper.calls(FakeHost.Feed.SUBREGIONS));
        assertEquals(List.of(), lowerHost.calls(FakeHost.Feed.EVALUATIONS));
    }

    /**
     * R's LINK before PerfLink handled L's EVALUATE skips L (no REGION result); a LINK of R after it issues exactly
     * what a LINK would have issued had L been evaluated first.
     */
    @Test
    void theOrderOfTheLowerRegionsEvaluationAndTheUpperLinkDoesNotChangeTheResult() throws HostException {
        RecordingContext early = link(upperHost("1.1"), lower(records(false), lowerHost()));
        assertEquals(List.of(), regionResults(early));
        LowerRegionLinkage.Outcome skipped = new LowerRegionLinkage(REGION, YEAR, RulePack.DEFAULT)
                .link(upperHost("1.1"), lower(records(false), lowerHost()), LocalDate.of(2028, 3, 31), (k, r) -> { });
        assertEquals(1, skipped.skipped().size());
        assertTrue(skipped.skipped().get(0).reason().contains("尚未处理下级地区440100"), skipped.skipped().toString());

        RecordingContext later = link(upperHost("1.1"), lower(records(true), lowerHost()));
        RecordingContext evaluatedFirst = link(upperHost("1.1"), lower(records(true), lowerHost()));
        assertEquals(2, regionResults(later).size());
        assertEquals(regionResults(evaluatedFirst), regionResults(later));
    }

    /** Handling the year again after L's host failed part-way gives the same ids and bodies. */
    @Test
    void aHostFailurePartWayFailsTheEventAndTheRetryGivesTheSameResults() throws HostException {
        RecordingContext first = link(upperHost("1.1"), lower(records(true), lowerHost()));
        FakeHost failing = lowerHost().failWhen(FakeHost.Feed.EVALUATIONS, c -> c.cursor() != null,
                new HostException("503 from evaluations"));
        assertThrows(HostException.class, () -> link(upperHost("1.1"), lower(records(true), failing)));
        RecordingContext again = link(upperHost("1.1"), lower(records(true), lowerHost()));
        assertEquals(first.emitted, again.emitted);
    }

    /** Without a transfer baseline L still gets its composite and notice, not an adjustment; the skip says why. */
    @Test
    void withoutABaselineOnlyTheNoticeIsWritten() throws HostException {
        FakeHost upper = new FakeHost();
        upper.contract = "1.1";
        RecordingContext ctx = link(upper, lower(records(true), lowerHost()));
        assertEquals(List.of("440000-2027.REGION.440100.REMINDER"), regionResults(ctx).stream().map(HostResult::id).toList());
        LowerRegionLinkage.Outcome o = new LowerRegionLinkage(REGION, YEAR, RulePack.DEFAULT)
                .link(upper, lower(records(true), lowerHost()), null, (k, r) -> { });
        // without deductions: 79.30 MEDIUM
        assertEquals("79.30", Figures.score(o.composites().get(0).score()));
        assertTrue(o.notices().isEmpty(), "no notice date, no notice");
        assertTrue(o.skipped().get(0).reasonEn().contains("no transfer baseline"), o.skipped().toString());
    }

    @Test
    void aLowerRegionWithoutAHostIsSkippedAndNoneAtAllAsksNothing() throws HostException {
        FakeHost upper = upperHost("1.1");
        RecordingContext ctx = link(upper, lower(records(true), null));
        assertEquals(List.of(), regionResults(ctx));
        FakeHost alone = upperHost("1.1");
        link(alone, LowerRegions.NONE);
        assertEquals(List.of(), alone.calls(FakeHost.Feed.SUBREGIONS));
        assertFalse(upper.calls(FakeHost.Feed.SUBREGIONS).isEmpty());
        assertNull(LowerRegions.NONE.host(L));
    }
}
