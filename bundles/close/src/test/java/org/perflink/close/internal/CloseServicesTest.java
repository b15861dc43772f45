package org.perflink.close.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.close.internal.Fixtures.REGION;
import static org.perflink.close.internal.Fixtures.YEAR;
import static org.perflink.close.internal.Fixtures.exactInput;
import static org.perflink.close.internal.Fixtures.exactProject;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;

/** What the close stage publishes: its catalogue and the link simulation, also outside OSGi. */
class CloseServicesTest {

    @Test
    void theCatalogueHasEveryParameterAndEachRuleWithItsPhaseAndDescription() {
        RuleCatalog catalog = ServiceLoader.load(RuleCatalog.class).findFirst().orElseThrow();
        assertEquals(Stage.CLOSE, catalog.stage());
        assertEquals(CloseRules.parameters(), catalog.parameters());
        catalog.parameters().forEach(p -> assertTrue(p.defaultValue() != null && !p.key().isBlank(), p.toString()));
        assertFalse(catalog.rules().isEmpty());
        for (RuleCatalog.RuleInfo r : catalog.rules()) {
            // the institutions' quality grade and the work assessment (§6) are given at the whole-year LINK, with the linkage
            boolean atLink = r.ruleId().startsWith("LINK_") || r.ruleId().equals(EvaluatorQuality.RULE)
                    || r.ruleId().startsWith("ASSESS_");
            // the follow-up of notices (rules.md §5) at CLOSE/FOLLOW_UP
            boolean atFollowUp = r.ruleId().startsWith("NOTICE_");
            assertEquals(atLink ? Phase.LINK : atFollowUp ? Phase.FOLLOW_UP : Phase.EVALUATE, r.phase(), r.ruleId());
            assertFalse(r.descriptionZh().isBlank() || r.descriptionEn().isBlank(), r.ruleId());
        }
    }

    @Test
    void theSimulationServiceIsTheCloseStagesSimulation() {
        LinkSimulation service = ServiceLoader.load(LinkSimulation.class).findFirst().orElseThrow();
        List<LinkSimulation.Case> cases = List.of(new LinkSimulation.Case(exactProject("P1", "101", ProjectKind.PROJECT),
                exactInput("P1", "70").department("101").kind(ProjectKind.PROJECT).recurrence(Recurrence.CONTINUING)
                        .request("1000000.00").build()));
        RulePack candidate = new RulePack("c", "1", Map.of("link.project.mediumRatio", "-0.20"), null).withParent(RulePack.DEFAULT);
        LinkSimulation.Report report = service.simulate(REGION, YEAR, cases, List.of(), RulePack.DEFAULT, candidate,
                LinkSimulation.NO_HISTORY);
        assertEquals(Simulation.run(REGION, YEAR, cases, List.of(), RulePack.DEFAULT, candidate, WarningHistory.NONE), report);
        assertEquals(1, report.projects().size(), "a MEDIUM project's reduction changes");
    }
}
