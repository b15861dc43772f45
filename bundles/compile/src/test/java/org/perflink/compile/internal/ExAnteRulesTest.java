package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perflink.api.model.Phase.DECLARED;
import static org.perflink.compile.internal.TestProjects.aProject;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ExAnte.Conclusion;
import org.perflink.api.model.ExAnte.Status;
import org.perflink.api.model.Finding;
import org.perflink.api.model.Severity;

/** 事前绩效评估 of new and major projects. */
class ExAnteRulesTest extends CheckerTestSupport {

    @Test
    void aNewProjectAtTheThresholdNeedsAnAssessment() {
        Finding f = the("EX_ANTE_REQUIRED", aProject().isNew().budget("5000000.00").build(), DECLARED);
        assertEquals("exAnte", f.path());
        assertEquals(Severity.BLOCK, f.severity());
        assertEquals(Map.of("budgetAmount", "5000000.00", "threshold", "5000000.00", "unit", "元", "isNew", "true",
                "isMajor", "false", "exAnteStatus", "NONE"), f.figures());
        assertEquals("新增或重大项目预算 5000000.00 元，达到事前绩效评估标准 5000000.00 元，但未完成事前绩效评估", f.message());
    }

    @Test
    void aCentBelowTheThresholdNeedsNone() {
        assertNone("EX_ANTE_REQUIRED", aProject().isNew().budget("4999999.99").build(), DECLARED);
    }

    @Test
    void majorProjectsNeedOneAsWellButOrdinaryOnesDoNot() {
        the("EX_ANTE_REQUIRED", aProject().isMajor().budget("9000000.00").build(), DECLARED);
        assertNone("EX_ANTE_REQUIRED", aProject().budget("9000000.00").build(), DECLARED);
    }

    @Test
    void onlyAFinishedAssessmentCounts() {
        assertNone("EX_ANTE_REQUIRED", aProject().isNew().budget("9000000.00")
                .exAnte(Status.DONE, Conclusion.SUPPORT).build(), DECLARED);
        Finding f = the("EX_ANTE_REQUIRED", aProject().isNew().budget("9000000.00")
                .exAnte(Status.NONE, null).build(), DECLARED);
        assertEquals("NONE", f.figures().get("exAnteStatus"));
    }

    @Test
    void aRegionCanLowerTheThreshold() {
        var project = aProject().isNew().budget("2000000.00").build();
        assertTrue(findings(check(project, DECLARED), "EX_ANTE_REQUIRED").isEmpty());
        Finding f = findings(check(project, DECLARED, pack("exAnte.threshold", "1000000")), "EX_ANTE_REQUIRED").get(0);
        assertEquals("1000000.00", f.figures().get("threshold"));
    }

    @Test
    void notSupportedBlocksFunding() {
        Finding f = the("EX_ANTE_NOT_SUPPORTED", aProject().isNew().budget("9000000.00")
                .exAnte(Status.DONE, Conclusion.NOT_SUPPORT).build(), DECLARED);
        assertEquals("exAnte.conclusion", f.path());
        assertEquals(Map.of("conclusion", "NOT_SUPPORT", "date", "2026-09-20"), f.figures());
        assertNone("EX_ANTE_NOT_SUPPORTED", aProject().exAnte(Status.DONE, Conclusion.SUPPORT_WITH_CHANGES).build(),
                DECLARED);
    }
}
