package org.perflink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.rules.RulePack;

class RulePackComponentTest {

    @Test
    void onlyParametersBecomeOverridesNotTheFrameworksBookkeeping() {
        RulePack pack = RulePackComponent.toPack(Map.of(
                "name", "gz", "version", "2",
                "exAnte.threshold", "6000000",
                "rule.GOAL_MISSING.enabled", "false",
                "service.pid", "org.perflink.rulepack.abc",
                "service.factoryPid", "org.perflink.rulepack",
                "component.id", 12L,
                "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)",
                "felix.fileinstall.filename", "file:/etc/org.perflink.rulepack-gz.cfg"));
        assertEquals("gz@2", pack.id());
        assertEquals(Map.of("exAnte.threshold", "6000000", "rule.GOAL_MISSING.enabled", "false"), pack.values());
    }

    @Test
    void aPackWithoutNameIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RulePackComponent.toPack(Map.of("exAnte.threshold", "1")));
        assertEquals("rule pack configuration: 'name' is required", e.getMessage());
    }
}
