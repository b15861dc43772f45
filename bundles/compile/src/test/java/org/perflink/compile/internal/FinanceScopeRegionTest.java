package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perflink.compile.internal.TestProjects.aProject;
import static org.perflink.compile.internal.TestProjects.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Review.Outcome;
import org.perflink.api.model.Stage;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;
import org.perflink.api.testing.FakeHost;
import org.perflink.api.testing.RecordingContext;

/**
 * Issue 14, "a region with {@code review.finance.scope = KEY} sees only key projects blocked for a missing finance
 * review": a region's REVIEWED event over projects reviewed by unit and department only, none yet by finance (how
 * most provinces work), through the hook. With the default scope ALL every one is blocked; with KEY only the key
 * projects (重点项目: major, or from {@code review.finance.keyThreshold} = 5 000 000), the others pass.
 */
class FinanceScopeRegionTest {

    private static final OffsetDateTime OCCURRED = OffsetDateTime.parse("2026-11-10T10:00:00+08:00");
    private static final Map<String, Project> PROJECTS = new TreeMap<>();
    private static CompileHook hook;

    static {
        add("440100-2027-000001", aProject().budget("1000000.00"));
        add("440100-2027-000002", aProject().budget("2000000.00"));
        add("440100-2027-000003", aProject().budget("4999999.99"));
        add("440100-2027-000004", aProject().budget("5000000.00")); // key by its budget, at the threshold
        add("440100-2027-000005", aProject().budget("8000000.00"));
        add("440100-2027-000006", aProject().budget("1000000.00").isMajor()); // key as a major project
    }

    private static void add(String code, TestProjects.ProjectBuilder p) {
        PROJECTS.put(code, p.code(code).reviews(review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20))).build());
    }

    @BeforeAll
    static void open() {
        hook = new CompileHook(new TargetChecker(TestProjects.library()));
    }

    @AfterAll
    static void close() {
        hook.deactivate();
    }

    /** Each project's outcome, and the projects blocked for the missing finance review. */
    private static Map<String, Verdict.Outcome> reviewed(RulePack pack, List<String> blockedForFinance)
            throws HostException {
        FakeHost host = new FakeHost();
        PROJECTS.values().forEach(host::project);
        RecordingContext context = new RecordingContext(new StageEvent(12, "ev-440100-12", "440100", 2027,
                Stage.COMPILE, Phase.REVIEWED, List.of(), OCCURRED, null), pack, host);
        hook.handle(context);
        Map<String, Verdict.Outcome> outcomes = new TreeMap<>();
        for (var result : context.emitted) {
            Verdict v = (Verdict) result.body();
            outcomes.put(v.projectCode(), v.outcome());
            if (v.findings().stream().map(Finding::ruleId).anyMatch("SYNC_REVIEW_TARGET_NOT_REVIEWED"::equals)) {
                blockedForFinance.add(v.projectCode());
            }
        }
        return outcomes;
    }

    @Test
    void theDefaultScopeBlocksEveryProjectWithoutAFinancePass() throws HostException {
        List<String> blocked = new ArrayList<>();
        Map<String, Verdict.Outcome> outcomes = reviewed(RulePack.DEFAULT, blocked);
        assertEquals(6, outcomes.size());
        assertEquals(List.copyOf(PROJECTS.keySet()), blocked);
        outcomes.values().forEach(o -> assertEquals(Verdict.Outcome.BLOCK, o));
    }

    @Test
    void withScopeKeyOnlyTheKeyProjectsAreBlocked() throws HostException {
        RulePack key = new RulePack("440100", "2", Map.of("review.finance.scope", "KEY"), RulePack.DEFAULT);
        List<String> blocked = new ArrayList<>();
        Map<String, Verdict.Outcome> outcomes = reviewed(key, blocked);
        assertEquals(List.of("440100-2027-000004", "440100-2027-000005", "440100-2027-000006"), blocked);
        assertEquals(Map.of("440100-2027-000001", Verdict.Outcome.PASS, "440100-2027-000002", Verdict.Outcome.PASS,
                "440100-2027-000003", Verdict.Outcome.PASS, "440100-2027-000004", Verdict.Outcome.BLOCK,
                "440100-2027-000005", Verdict.Outcome.BLOCK, "440100-2027-000006", Verdict.Outcome.BLOCK), outcomes);
    }
}
