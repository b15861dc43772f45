package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Grade;
import org.perflink.api.model.HostResult;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;

/**
 * The v1.1 compile phases through the hook: LIBRARY and ADJUST only from a 1.1 host, the predecessor chain
 * looked up at the host and the Scores and notices PerfLink wrote (LIBRARY_POOR_NOT_RECTIFIED).
 */
class CompileHookV11Test {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.parse("2027-06-15T10:00:00+08:00");
    private static final String CODE = "440000-2028-000045";
    private static final String PREVIOUS = "440000-2027-000123";
    private static CompileHook hook;

    @BeforeAll
    static void open() {
        hook = new CompileHook(new TargetChecker(TestProjects.library()));
    }

    @AfterAll
    static void close() {
        hook.deactivate();
    }

    /** A context whose history holds the given scores and notices. */
    private record Context(StageEvent event, HostGateway host, List<Score> scores, List<Notice> notices,
            List<HostResult> emitted) implements StageContext {
        Context(StageEvent event, HostGateway host, List<Score> scores, List<Notice> notices) {
            this(event, host, scores, notices, new ArrayList<>());
        }

        @Override
        public RulePack rulePack() {
            return RulePack.DEFAULT;
        }

        @Override
        public void emit(HostResult result) {
            emitted.add(result);
        }

        @Override
        public ResultHistory history() {
            return new ResultHistory() {
                @Override
                public List<Warning> warnings(String projectCode) {
                    return List.of();
                }

                @Override
                public List<Score> scores(String projectCode) {
                    return scores.stream().filter(s -> s.projectCode().equals(projectCode)).toList();
                }

                @Override
                public List<Notice> notices(String departmentCode) {
                    return notices.stream().filter(n -> n.departmentCode().equals(departmentCode)).toList();
                }
            };
        }

        @Override
        public void reject(String key, String reason, String payload) {
            throw new AssertionError(reason);
        }

        List<Verdict> verdicts() {
            return emitted.stream().map(r -> (Verdict) r.body()).toList();
        }
    }

    private static StageEvent event(Phase phase, List<String> codes) {
        return new StageEvent(97, "ev-440000-97", "440000", 2028, Stage.COMPILE, phase, codes, OCCURRED, null);
    }

    private static FakeHost hostWith(Project applicant, String contract) {
        FakeHost host = new FakeHost().project(applicant);
        host.contract = contract;
        host.earlier.put(PREVIOUS + "@2027", aProject().code(PREVIOUS).build());
        return host;
    }

    private static Score poorScore() {
        return new Score(Score.idOf(PREVIOUS, 2027), PREVIOUS, "440000", 2027, new BigDecimal("52.00"), Grade.POOR,
                Score.Source.SELF_EVALUATION, List.of(), null, List.of(), "default@1");
    }

    private static Notice rectification() {
        return new Notice("440000-2027.101.RECTIFICATION", "440000", 2027, "101", Notice.Type.RECTIFICATION,
                LocalDate.of(2028, 4, 30), List.of("差"), List.of(PREVIOUS));
    }

    private static Project applicant() {
        return aProject().code(CODE).predecessor(PREVIOUS, 2027).build();
    }

    @Test
    void aLibraryEventFromAV11HostGivesLibraryVerdictsLookingBackAtThePredecessor() throws HostException {
        FakeHost host = hostWith(applicant(), HostGateway.CONTRACT_1_1);
        Context context = new Context(event(Phase.LIBRARY, List.of(CODE)), host, List.of(poorScore()),
                List.of(rectification()));
        hook.handle(context);
        Verdict v = context.verdicts().get(0);
        assertEquals(CODE + ".LIBRARY.r3", v.verdictId());
        assertEquals(List.of("LIBRARY_POOR_NOT_RECTIFIED"), v.findings().stream().map(f -> f.ruleId()).toList());
        assertEquals(PREVIOUS, v.findings().get(0).figures().get("scoredProject"));
    }

    @Test
    void anAcceptedRectificationLetsTheContinuingProjectIn() throws HostException {
        FakeHost host = hostWith(applicant(), HostGateway.CONTRACT_1_1);
        host.feedback(new NoticeFeedback("440000-2027.101.RECTIFICATION", LocalDate.of(2028, 4, 25),
                NoticeFeedback.Status.ACCEPTED, LocalDate.of(2028, 4, 28), null, null));
        Context context = new Context(event(Phase.LIBRARY, List.of(CODE)), host, List.of(poorScore()),
                List.of(rectification()));
        hook.handle(context);
        assertEquals(Verdict.Outcome.PASS, context.verdicts().get(0).outcome());
    }

    @Test
    void aV10HostGetsNoLibraryOrAdjustVerdicts() throws HostException {
        for (Phase phase : List.of(Phase.LIBRARY, Phase.ADJUST)) {
            FakeHost host = hostWith(applicant(), HostGateway.CONTRACT_1_0);
            Context context = new Context(event(phase, List.of(CODE)), host, List.of(), List.of());
            hook.handle(context);
            assertEquals(List.of(), context.emitted, phase::name);
            assertEquals(List.of(), host.calls, phase::name);
        }
    }

    @Test
    void anAdjustEventNeedsItsProjectCodes() throws HostException {
        Project revised = aProject().code(CODE).revisionOf(LocalDate.of(2027, 10, 12), "台风", "2000000.00",
                TestProjects.indicator("I1", org.perflink.api.model.Indicator.Level1.OUTPUT,
                        org.perflink.api.model.Indicator.Level2.QUANTITY, "改造学校数量").ge("12", "所")).build();
        FakeHost host = hostWith(revised, HostGateway.CONTRACT_1_1);
        Context all = new Context(event(Phase.ADJUST, List.of()), host, List.of(), List.of());
        hook.handle(all);
        assertEquals(List.of(), all.emitted);
        Context named = new Context(event(Phase.ADJUST, List.of(CODE)), host, List.of(), List.of());
        hook.handle(named);
        Verdict v = named.verdicts().get(0);
        assertEquals(CODE + ".ADJUST.r3", v.verdictId());
        assertTrue(v.findings().stream().anyMatch(f -> f.ruleId().equals("ADJUST_TOO_LATE")), v::toString);
    }
}
