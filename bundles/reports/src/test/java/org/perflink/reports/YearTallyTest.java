package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.reports.YearFigures.Count;
import org.perflink.reports.YearFigures.LevelRow;

/** The figures of a known year ({@link YearFixture}): every section from the store's bodies alone. */
class YearTallyTest {

    private final YearFixture fixture = new YearFixture();
    private final YearFigures f = fixture.figures(null);

    @Test
    void theYearInNumbers() {
        YearFigures.Numbers n = f.numbers();
        assertEquals(4, n.projects(), "P1..P4; the other year's P9 and the other region's Q1 do not count");
        assertEquals(2, n.departments());
        assertEquals(3, n.publishedTargets());
        assertEquals(0, new BigDecimal("3500000.00").compareTo(n.budget()));
        assertEquals(5L, n.resultsByKind().get("VERDICT"));
        assertEquals(3L, n.resultsByKind().get("SCORE"), "this year's three Scores; the unreadable body is left out");
        assertEquals(4L, n.resultsByKind().get("WARNING"));
        assertEquals(4L, n.resultsByKind().get("ADJUSTMENT"));
        assertEquals(3L, n.resultsByKind().get("NOTICE"));
        assertEquals(2L, n.resultsByKind().get("ASSESSMENT"));
        assertEquals(List.of(2L, 1L, 1L), n.verdictOutcomes().stream().map(Count::n).toList(),
                "latest verdict per project: P1 PUBLISHED PASS (not its DECLARED BLOCK), P3 PASS; P2 WARN; P4 BLOCK");
        assertEquals(3, n.warnings(), "RED, YELLOW, BLUE stand; the NONE is a clearance");
        assertEquals(1, n.redWarnings());
        assertEquals(new BigDecimal("74.00"), n.meanScore());
        assertEquals(1, f.problems().size());
        assertTrue(f.problems().get(0).contains("score"), f.problems().toString());
    }

    @Test
    void gradesAndWarnings() {
        assertEquals(List.of("EXCELLENT", "GOOD", "MEDIUM", "POOR"), f.grades().stream().map(Count::key).toList());
        assertEquals(List.of(1L, 0L, 1L, 1L), f.grades().stream().map(Count::n).toList());
        assertEquals("优", f.grades().get(0).zh());
        assertEquals(List.of(new LevelRow("101", "教育局", 0, 1, 1, 1), new LevelRow("102", "卫生局", 1, 0, 0, 0)),
                f.warningsByDepartment(), "P4 has no target: its department comes from the notice listing it");
        assertEquals(List.of(new LevelRow("2027-07-31", "2027-07-31", 1, 1, 1, 0),
                new LevelRow("2027-09-30", "2027-09-30", 0, 0, 0, 1)), f.warningsByRound());
    }

    @Test
    void linkageKeepsTheCeilingApartFromTheAllocationsInsideIt() {
        YearFigures.Linkage d101 = f.linkage().get(0);
        assertEquals("101", d101.code());
        assertEquals(new BigDecimal("-3600000.00"), d101.delta());
        assertEquals(new BigDecimal("120000000.00"), d101.base());
        assertEquals(2028, d101.budgetYear());
        assertEquals(1, d101.allocations());
        assertEquals(new BigDecimal("-200000.00"), d101.allocationDelta());
        YearFigures.Linkage d102 = f.linkage().get(1);
        assertEquals("102", d102.code());
        assertNull(d102.delta(), "no ceiling Adjustment for 102");
        assertEquals(1, d102.reduced(), "P3's CANCEL reduces");
        assertEquals(new BigDecimal("-500000.00"), d102.allocationDelta());
        assertEquals("REGION", f.linkage().get(2).scope());
        assertEquals("440100", f.linkage().get(2).code());
        assertEquals(3, f.linkage().size());
    }

    @Test
    void compositesNoticesAndRanking() {
        YearFigures.Composite c = f.composites().get(0);
        assertEquals("DEPARTMENT", c.scope());
        assertEquals("教育局", c.name());
        assertEquals(new BigDecimal("72.50"), c.score());
        assertEquals("MEDIUM", c.grade());
        assertEquals(new BigDecimal("0.97"), c.coefficient());
        assertEquals(List.of("KEY_TARGETS", "OVERALL_EVALUATION"), c.components().stream().map(YearFigures.Component::name).toList());
        assertEquals("PERFLINK", c.components().get(0).source());
        assertEquals("REGION", f.composites().get(1).scope());

        assertEquals(List.of(1L, 1L, 1L, 0L), f.notices().byType().stream().map(Count::n).toList());
        assertEquals(List.of(1L, 1L, 0L), f.notices().byState().stream().map(Count::n).toList());
        YearFigures.Case escalated = f.notices().cases().stream().filter(x -> x.subject().equals("102")).findFirst()
                .orElseThrow();
        assertEquals("ESCALATED", escalated.state());
        assertEquals("RECTIFICATION", escalated.firstType());
        assertEquals("INTERVIEW", escalated.latestType());
        assertEquals(2, escalated.steps());
        assertEquals("2028-05-30", escalated.dueDate());

        assertEquals(List.of("102", "101"), f.ranking().stream().map(YearFigures.Rank::code).toList());
        assertEquals("PRAISE", f.ranking().get(0).list());
        assertEquals("卫生局", f.ranking().get(0).name());
    }

    @Test
    void drillDownListsOneDepartmentsProjects() {
        assertTrue(f.departments().stream().allMatch(d -> d.projects().isEmpty()), "no drill-down asked");
        YearFigures drilled = fixture.figures("101");
        YearFigures.Department d = drilled.departments().stream().filter(x -> x.code().equals("101")).findFirst()
                .orElseThrow();
        assertEquals(2, d.projectCount());
        assertEquals(0, new BigDecimal("3000000.00").compareTo(d.budget()));
        assertEquals(1, d.notices());
        List<YearFigures.ProjectRow> rows = d.projects();
        assertEquals(List.of("P1", "P2"), rows.stream().map(YearFigures.ProjectRow::projectCode).toList());
        assertEquals("EXCELLENT", rows.get(0).grade());
        assertEquals("RED", rows.get(0).worstLevel());
        assertEquals("PASS", rows.get(0).verdict());
        assertEquals("PUBLISHED", rows.get(0).verdictPhase());
        assertEquals("项目P1", rows.get(0).name());
        assertEquals(new BigDecimal("-200000.00"), rows.get(1).adjustmentDelta());
        assertTrue(drilled.departments().stream().filter(x -> !x.code().equals("101")).allMatch(x -> x.projects().isEmpty()));
    }

    @Test
    void theSameBodiesInAnotherOrderGiveTheSameFigures() {
        YearTally tally = new YearTally(YearFixture.REGION, YearFixture.YEAR);
        List<Map.Entry<ResultKind, String>> all = new ArrayList<>();
        fixture.results.forEach((k, bodies) -> bodies.forEach(b -> all.add(Map.entry(k, b))));
        Collections.reverse(all);
        all.forEach(e -> tally.result(e.getKey(), e.getValue()));
        List<String> targets = new ArrayList<>(fixture.targets);
        Collections.reverse(targets);
        targets.forEach(tally::target);
        assertEquals(f, tally.build());
    }

    @Test
    void aYearWithoutCloseResultsStillHasItsNumbers() {
        YearTally tally = new YearTally(YearFixture.REGION, YearFixture.YEAR);
        fixture.targets.forEach(tally::target);
        fixture.results.get(ResultKind.VERDICT).forEach(b -> tally.result(ResultKind.VERDICT, b));
        fixture.results.get(ResultKind.WARNING).forEach(b -> tally.result(ResultKind.WARNING, b));
        YearFigures only = tally.build();
        assertEquals(4, only.numbers().projects());
        assertNull(only.numbers().meanScore());
        assertTrue(only.linkage().isEmpty() && only.composites().isEmpty() && only.ranking().isEmpty());
        assertEquals(0L, only.notices().byType().stream().mapToLong(Count::n).sum());
        assertEquals(2, only.warningsByRound().size());
        for (Chart c : YearCharts.of(only)) {
            assertTrue(SvgCharts.svg(c).startsWith("<svg"), c.id());
        }
    }
}
