package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.hook.StageContext;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectEvaluationInput.Evaluation;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * rules.md §9: the whole-year EVALUATE keeps the address of each public key-evaluation report as a public record
 * (the Score body stays as it is); a report not public, of a confidential project or with an address that is not an
 * http(s) URL is withdrawn; a project-restricted EVALUATE keeps nothing.
 */
class CloseHookReportTest {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.of(2028, 3, 31, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private static ProjectEvaluationInput withReport(String code, String url, Boolean reportPublic) {
        ProjectEvaluationInput in = exactInput(code, "80").keyScore("84.5").build();
        Evaluation who = new Evaluation(Evaluation.Kind.FINANCE, null, List.of(), null, LocalDate.of(2028, 3, 1), url,
                reportPublic, List.of());
        return new ProjectEvaluationInput(in.projectCode(), in.year(), in.kind(), in.recurrence(), in.departmentCode(),
                in.budgetAmount(), in.paidAmount(), in.indicators(), in.selfScore(), in.keyEvaluationScore(),
                in.nextYearRequest(), who);
    }

    private static Project confidential(String code) {
        Project p = exactProject(code, "101", ProjectKind.PROJECT);
        return new Project(p.projectCode(), p.revision(), p.regionCode(), p.year(), p.departmentCode(), p.departmentName(),
                p.unitCode(), p.unitName(), p.name(), p.kind(), p.functionCode(), p.isNew(), p.isMajor(), p.budgetAmount(),
                p.budgetPhase(), p.budgetPhaseDates(), p.exAnte(), p.target(), null, null, null, true);
    }

    private static FakeHost host() {
        FakeHost h = new FakeHost();
        h.evaluated(exactProject("A", "101", ProjectKind.PROJECT), withReport("A", " https://example.org/jxpj/2027/A.pdf ", true));
        h.evaluated(exactProject("B", "101", ProjectKind.PROJECT), withReport("B", "https://example.org/B.pdf", false));
        h.evaluated(exactProject("C", "101", ProjectKind.PROJECT), withReport("C", "javascript:alert(1)", true));
        h.evaluated(confidential("D"), withReport("D", "https://example.org/D.pdf", true));
        h.evaluated(exactProject("E", "101", ProjectKind.PROJECT), exactInput("E", "70").build()); // no evaluation
        h.evaluated(exactProject("F", "101", ProjectKind.PROJECT), withReport("F", "  ", true));
        return h;
    }

    private static RecordingContext run(String... codes) throws HostException {
        StageEvent event = new StageEvent(7, "ev-7", REGION, YEAR, Stage.CLOSE, Phase.EVALUATE, List.of(codes), OCCURRED, null);
        RecordingContext ctx = CloseHookTest.context(event, host());
        new CloseHook().handle(ctx);
        return ctx;
    }

    @Test
    void theWholeYearKeepsPublicReportsAndWithdrawsTheOthers() throws HostException {
        RecordingContext ctx = run();
        assertEquals(List.of(
                new RecordingContext.Kept(StageContext.PUBLIC_REPORT, YEAR, "A", "{\"reportUrl\":\"https://example.org/jxpj/2027/A.pdf\"}"),
                new RecordingContext.Kept(StageContext.PUBLIC_REPORT, YEAR, "B", null),
                new RecordingContext.Kept(StageContext.PUBLIC_REPORT, YEAR, "C", null),
                new RecordingContext.Kept(StageContext.PUBLIC_REPORT, YEAR, "D", null),
                new RecordingContext.Kept(StageContext.PUBLIC_REPORT, YEAR, "F", null)), ctx.kept,
                "E's input has no evaluation: nothing said, nothing written");
        assertEquals(List.of("A.2027", "B.2027", "C.2027", "D.2027", "E.2027", "F.2027"),
                ctx.bodies(Score.class).stream().map(Score::scoreId).toList(), "every project is still scored");
    }

    @Test
    void theScoreIsTheSameWithOrWithoutAReport() throws HostException {
        Score a = run().bodies(Score.class).get(0);
        FakeHost plain = new FakeHost();
        plain.evaluated(exactProject("A", "101", ProjectKind.PROJECT), exactInput("A", "80").keyScore("84.5").build());
        RecordingContext ctx = CloseHookTest.context(new StageEvent(7, "ev-7", REGION, YEAR, Stage.CLOSE, Phase.EVALUATE,
                List.of(), OCCURRED, null), plain);
        new CloseHook().handle(ctx);
        assertEquals(ctx.bodies(Score.class).get(0), a, "the Score body does not carry the report's address");
    }

    @Test
    void anEvaluateOfSomeProjectsKeepsNoReport() throws HostException {
        RecordingContext ctx = run("A", "B");
        assertEquals(2, ctx.bodies(Score.class).size());
        assertEquals(List.of(), ctx.kept);
    }
}
