package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.d;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;
import static org.perflink.close.internal.Fixtures.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.rules.RulePack;


/** rules.md §4: verdict, monitoring and ex-ante points, with their boundaries. */
class RecordPointsTest {

    private final RecordPoints points = new RecordPoints(RulePack.DEFAULT);

    private static Project project(String budget, boolean isNew, boolean isMajor, ExAnte exAnte) {
        Project p = exactProject("P1", "101", ProjectKind.PROJECT);
        return new Project("P1", 1, REGION, YEAR, "101", "", "", "", "", ProjectKind.PROJECT, "2050202", isNew, isMajor,
                d(budget), Phase.PUBLISHED, Map.of(), exAnte, p.target());
    }

    private ProjectRecord record(Project p, List<Verdict> verdicts, List<Warning> warnings) {
        return points.record(p, new ProjectScorer(RulePack.DEFAULT).evaluate(REGION, p, exactInput("P1", "80").build()),
                verdicts, warnings);
    }

    private static Warning warning(String asOf, Warning.Type type, Warning.Level level) {
        LocalDate date = LocalDate.parse(asOf);
        return new Warning(Warning.idOf("P1", date, type), "P1", REGION, YEAR, date, type, level, Map.of(), Map.of(),
                Warning.Action.CORRECT, type.name(), "", "");
    }

    /** Key project (§1): isMajor, or budget ≥ review.finance.keyThreshold = 5 000 000; key monitoring (§2): ≥ 2 000 000. */
    @ParameterizedTest
    @CsvSource({"5000000.00, false, true, true", "4999999.99, false, false, true", "1000, true, true, true",
            "2000000.00, false, false, true", "1999999.99, false, false, false"})
    void keyAndKeyMonitoredBoundaries(String budget, boolean isMajor, boolean key, boolean keyMonitored) {
        ProjectRecord r = record(project(budget, false, isMajor, null), List.of(), List.of());
        assertEquals(key, r.key());
        assertEquals(keyMonitored, r.keyMonitored());
    }

    @Test
    void verdictPointsOfTheLatestPublishedRevisionOfTheYear() {
        Verdict r3 = new Verdict("P1.PUBLISHED.r3", "P1", REGION, YEAR, Phase.PUBLISHED, 3, Verdict.Outcome.WARN, List.of(), "", null);
        Verdict r2 = new Verdict("P1.PUBLISHED.r2", "P1", REGION, YEAR, Phase.PUBLISHED, 2, Verdict.Outcome.PASS, List.of(), "", null);
        Verdict lastYear = new Verdict("P1.PUBLISHED.r9", "P1", REGION, YEAR - 1, Phase.PUBLISHED, 9, Verdict.Outcome.PASS, List.of(), "", null);
        ProjectRecord r = record(project("1000", false, false, null), List.of(r3, r2, lastYear), List.of());
        assertEquals(Verdict.Outcome.WARN, r.verdict());
        assertEquals(d("0.8"), r.verdictPoints());
        assertEquals(d("0.5"), new RecordPoints(pack("composite.verdict.warnPoints", "0.5")).verdictPoints(Verdict.Outcome.WARN));
        ProjectRecord none = record(project("1000", false, false, null), List.of(), List.of());
        assertNull(none.verdict());
        assertEquals(0, none.verdictPoints().signum());
    }

    @Test
    void warningsClearedByALowerLevelInTheNextRoundOnly() {
        List<Warning> warnings = List.of(
                warning("2027-07-31", Warning.Type.EXECUTION_LAG, Warning.Level.RED),
                warning("2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.NONE), // cleared
                warning("2027-07-31", Warning.Type.TARGET_DEVIATION, Warning.Level.YELLOW),
                warning("2027-09-30", Warning.Type.TARGET_DEVIATION, Warning.Level.YELLOW), // not lower: both uncleared
                warning("2027-09-30", Warning.Type.NO_DATA, Warning.Level.YELLOW)); // last round clears nothing
        assertArrayEquals(new int[] {0, 3}, RecordPoints.uncleared(warnings));
        ProjectRecord r = record(project("3000000", false, false, null), List.of(), warnings);
        assertTrue(r.monitored());
        assertEquals(d("85"), points.monitoringPoints(r.unclearedRed(), r.unclearedYellow()));
    }

    @Test
    void monitoringPointsNeverFallBelowZero() {
        assertEquals(d("0"), points.monitoringPoints(9, 3));
        assertEquals(d("5"), points.monitoringPoints(9, 1));
        assertEquals(d("85"), new RecordPoints(pack("composite.monitoring.redCost", "15")).monitoringPoints(1, 0));
    }

    /** EX_ANTE_REQUIRED's scope: (new or major) and budget ≥ 5 000 000. */
    @ParameterizedTest
    @CsvSource(value = {
            "5000000.00, true,  false, NONE, NULL,                 NULL, 0",
            "4999999.99, true,  false, NONE, NULL,                 NULL, NULL",
            "5000000.00, false, false, NONE, NULL,                 NULL, NULL",
            "6000000.00, false, true,  DONE, SUPPORT,              NULL, 100",
            "6000000.00, true,  false, DONE, SUPPORT_WITH_CHANGES, NULL, 80",
            "6000000.00, true,  false, DONE, NOT_SUPPORT,          NULL, 0",
            "6000000.00, true,  false, DONE, SUPPORT,              86,   86",
            "1000.00,    false, false, DONE, SUPPORT,              NULL, 100"}, nullValues = "NULL")
    void exAntePoints(String budget, boolean isNew, boolean isMajor, ExAnte.Status status, ExAnte.Conclusion conclusion,
            String score, String expected) {
        ExAnte exAnte = status == ExAnte.Status.NONE ? null : new ExAnte(status, conclusion, LocalDate.of(2026, 9, 1), d(score));
        ProjectRecord r = record(project(budget, isNew, isMajor, exAnte), List.of(), List.of());
        assertEquals(d(expected), r.exAntePoints());
    }

    @Test
    void aProjectWithoutWarningsWasInNoRoundOfItsOwn() {
        assertFalse(record(project("1000", false, false, null), List.of(), List.of()).monitored());
    }
}
