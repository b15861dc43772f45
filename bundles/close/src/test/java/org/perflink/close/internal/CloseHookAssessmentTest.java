package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * rules.md §6 through the hook: the whole-year LINK of a v1.1 host writes one Assessment per department with
 * projects, ranked with ties, praised and criticised; a 1.0 host gets none; handling the year twice, or with the host
 * down for part of it, gives the same ids and bodies.
 * 101: A on time (PASS, self-evaluated, honoured its predecessor's REDUCE), B BLOCK on SYNC_ (no self-evaluation);
 * its 2026 REMINDER answered on time and accepted: 7.50 + 5.00 + 10 + 10 + 7.50 + 10 + 15 + 15 = 80.00 GOOD.
 * 102: C PASS, self-score inflated, its 2026 REMINDER accepted late: 15 + 10 + 10 + 10 + 15 + 0 + 0 + 15 = 75.00.
 * 103 and 104: one clean project each, 100.00; 104's composite is POOR (and brings it an INTERVIEW).
 */
class CloseHookAssessmentTest {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2028, 3, 31, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private static Project project(String code, String department, Project.Predecessor predecessor) {
        Project p = exactProject(code, department, ProjectKind.PROJECT);
        return new Project(code, p.revision(), REGION, YEAR, department, p.departmentName(), p.unitCode(), p.unitName(),
                p.name(), p.kind(), p.functionCode(), false, false, p.budgetAmount(), Phase.PUBLISHED, Map.of(), null,
                p.target(), predecessor, null, null);
    }

    private static FakeHost host(String contract) {
        FakeHost h = new FakeHost().maxPageSize(FakeHost.Feed.EVALUATIONS, 2).maxPageSize(FakeHost.Feed.NOTICE_FEEDBACK, 1);
        h.contract = contract;
        h.evaluated(project("A", "101", new Project.Predecessor("A0", YEAR - 1)), exactInput("A", "95").selfScore("95").build());
        h.evaluated(project("B", "101", null), exactInput("B", "90").build());
        h.evaluated(project("C", "102", null), exactInput("C", "80").department("102").selfScore("99").build());
        h.evaluated(project("E", "103", null), exactInput("E", "90").department("103").selfScore("90").build());
        h.evaluated(project("F", "104", null), exactInput("F", "90").department("104").selfScore("90").build());
        for (String[] dept : new String[][] {{"101", "85"}, {"102", "85"}, {"103", "95"}, {"104", "55"}}) {
            h.departments.add(Parsed.ok(new DepartmentEvaluationInput(dept[0], YEAR,
                    Map.of("OVERALL_EVALUATION", d(dept[1])), List.of(), null), dept[0], 0));
        }
        h.feedback(new NoticeFeedback("440000-2026.101.REMINDER", LocalDate.parse("2027-04-10"),
                NoticeFeedback.Status.ACCEPTED, LocalDate.parse("2027-04-12"), false, null));
        h.feedback(new NoticeFeedback("440000-2026.102.REMINDER", LocalDate.parse("2027-05-01"),
                NoticeFeedback.Status.ACCEPTED, LocalDate.parse("2027-05-03"), false, null));
        return h;
    }

    private static Verdict verdict(String code, Verdict.Outcome outcome, List<Finding> findings) {
        return new Verdict(Verdict.idOf(code, Phase.PUBLISHED, 1), code, REGION, YEAR, Phase.PUBLISHED, 1, outcome, findings,
                "default@1", OCCURRED);
    }

    /** The store: verdicts, last year's notices, the predecessor's adjustment, and whatever this LINK wrote before. */
    private static ResultHistory history(List<Notice> alreadyWritten) {
        return new ResultHistory() {
            @Override
            public List<Warning> warnings(String code) {
                return List.of();
            }

            @Override
            public List<Verdict> verdicts(String code) {
                return switch (code) {
                    case "B" -> List.of(verdict("B", Verdict.Outcome.BLOCK, List.of(new Finding("SYNC_COMPILE_TARGET_MISSING",
                            Severity.BLOCK, "target", "无目标", "no target", Map.of()))));
                    default -> List.of(verdict(code, Verdict.Outcome.PASS, List.of()));
                };
            }

            @Override
            public List<Notice> notices(String department) {
                List<Notice> out = new ArrayList<>();
                if (department.equals("101") || department.equals("102")) {
                    out.add(new Notice(Notice.idOf(REGION, YEAR - 1, department, Notice.Type.REMINDER), REGION, YEAR - 1,
                            department, Notice.Type.REMINDER, LocalDate.parse("2027-04-20"), List.of("r"), List.of()));
                }
                alreadyWritten.stream().filter(n -> department.equals(n.departmentCode())).forEach(out::add);
                return out;
            }

            @Override
            public List<Adjustment> adjustments(String subject) {
                return subject.equals("A0") ? List.of(new Adjustment("440000-2026.PROJECT.A0", REGION, YEAR - 1, YEAR,
                        Adjustment.Scope.PROJECT, "A0", Map.of(), Adjustment.Action.REDUCE, d("-0.10"), d("3000000.00"),
                        d("-300000.00"), "LINK_PROJECT_GRADE", "", "")) : List.of();
            }
        };
    }

    private static RecordingContext run(FakeHost host, List<Notice> alreadyWritten) throws HostException {
        RecordingContext ctx = new RecordingContext(new StageEvent(9, "ev-9", REGION, YEAR, Stage.CLOSE, Phase.LINK,
                List.of(), OCCURRED, null), RulePack.DEFAULT, host).history(history(alreadyWritten));
        new CloseHook().handle(ctx);
        return ctx;
    }

    private static Map<String, Assessment> assessments(RecordingContext ctx) {
        return ctx.bodies(Assessment.class).stream().filter(a -> a.scope() == Assessment.Scope.DEPARTMENT)
                .collect(Collectors.toMap(Assessment::subjectCode, Function.identity()));
    }

    @Test
    void theWholeYearLinkWritesTheRankedAssessments() throws HostException {
        RecordingContext ctx = run(host(HostGateway.CONTRACT_1_1), List.of());
        Map<String, Assessment> a = assessments(ctx);
        assertEquals(List.of("101", "102", "103", "104"), a.keySet().stream().sorted().toList());

        Assessment d101 = a.get("101");
        assertEquals("440000-2027.DEPARTMENT.101", d101.assessmentId());
        assertEquals(d("80.00"), d101.total());
        assertEquals(Grade.GOOD, d101.grade());
        assertEquals(List.of("7.50", "5.00", "10.00", "10.00", "7.50", "10.00", "15.00", "15.00"),
                d101.parts().stream().map(p -> p.points().toPlainString()).toList());
        assertEquals(Map.of("onTime", "1", "projects", "2", "worst", "B"), d101.parts().get(0).figures());
        assertEquals(Map.of("honoured", "1", "adjustments", "1"), d101.parts().get(7).figures());
        assertEquals(d("85.00"), d101.composite());
        assertEquals(OCCURRED, d101.assessedAt());

        Assessment d102 = a.get("102");
        assertEquals(d("75.00"), d102.total());
        assertEquals(Map.of("onTime", "0", "notices", "1", "worst", "440000-2026.102.REMINDER"), d102.parts().get(6).figures());

        // 103 and 104 tie at 100 and share rank 1; 101 is 3rd, 102 4th
        assertEquals(List.of(1, 1, 3, 4), List.of(a.get("103").rank(), a.get("104").rank(), d101.rank(), d102.rank()));
        a.values().forEach(x -> assertEquals(4, x.rankOf()));
        assertEquals(AssessmentRanking.LIST_PRAISE, a.get("103").list());
        assertEquals(AssessmentRanking.LIST_CRITICISM, a.get("104").list(), "composite 55: POOR");
        assertNull(d101.list());
        assertNull(d102.list());
        ctx.emitted.stream().filter(r -> r.kind() == ResultKind.ASSESSMENT)
                .forEach(r -> assertEquals(((Assessment) r.body()).subjectCode(), r.subject()));
    }

    @Test
    void aContract10HostGetsNoAssessmentAndIsNotAskedForFeedback() throws HostException {
        FakeHost h = host(HostGateway.CONTRACT_1_0);
        RecordingContext ctx = run(h, List.of());
        assertEquals(List.of(), ctx.bodies(Assessment.class));
        assertEquals(List.of(), h.calls(FakeHost.Feed.NOTICE_FEEDBACK));
        assertTrue(!ctx.bodies(Notice.class).isEmpty(), "the v1 notices are still written");
    }

    @Test
    void handledTwiceOrWithTheHostDownForAWhileTheSameAssessments() throws HostException {
        RecordingContext first = run(host(HostGateway.CONTRACT_1_1), List.of());
        List<Assessment> expected = first.bodies(Assessment.class);
        assertEquals(4, expected.size());

        // again, with this LINK's own notices already in the store
        assertEquals(expected, run(host(HostGateway.CONTRACT_1_1), first.bodies(Notice.class)).bodies(Assessment.class));

        // the feedback pull fails on its second page: the event fails, and handled again gives the same
        FakeHost flaky = host(HostGateway.CONTRACT_1_1);
        int[] calls = {0};
        flaky.failWhen(FakeHost.Feed.NOTICE_FEEDBACK, c -> ++calls[0] == 2, new HostException("503 from notice-feedback"));
        assertThrows(HostException.class, () -> run(flaky, List.of()));
        assertEquals(expected, run(flaky, List.of()).bodies(Assessment.class));
    }
}
