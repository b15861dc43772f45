package org.perflink.execute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.stage.RuleCatalog;

class ExecuteRuleCatalogTest {

    @Test
    void everyWarningTypeIsAMonitorRuleWithADescriptionAndNoSeverityOfItsOwn() {
        RuleCatalog catalog = ServiceLoader.load(RuleCatalog.class).findFirst().orElseThrow();
        assertEquals(Stage.EXECUTE, catalog.stage());
        assertEquals(List.of("EXECUTION_LAG", "EXECUTION_LAG_KEY", "EXECUTION_LAG_RECLAIM", "TARGET_DEVIATION", "TARGET_AT_RISK", "NO_DATA"),
                catalog.rules().stream().map(RuleCatalog.RuleInfo::ruleId).toList());
        for (RuleCatalog.RuleInfo r : catalog.rules()) {
            assertEquals(Phase.MONITOR, r.phase());
            assertNull(r.builtInSeverity(), "warnings are graded by thresholds");
            assertFalse(r.descriptionZh().isBlank() || r.descriptionEn().isBlank(), r.ruleId());
        }
        assertEquals(DualMonitor.PARAMS, catalog.parameters());
        catalog.parameters().forEach(p -> assertTrue(p.defaultValue() != null && !p.key().isBlank(), p.toString()));
    }
}
