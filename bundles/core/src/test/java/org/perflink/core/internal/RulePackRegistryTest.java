package org.perflink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;

class RulePackRegistryTest {

    private static final Param THRESHOLD = Param.of("exAnte.threshold", "5000000", "ex-ante threshold");

    private static RegionSettings region(String code, String pack) {
        return new RegionSettings(code, "", true, Set.of(Stage.COMPILE), pack, Duration.ofSeconds(5), null);
    }

    @Test
    void countyInheritsCityThenProvinceThenDefault() {
        RulePackRegistry registry = new RulePackRegistry();
        assertEquals(new BigDecimal("5000000"), registry.effective("440106").decimal(THRESHOLD));

        registry.addPack(new RulePack("gd", "2", Map.of("exAnte.threshold", "3000000"), null));
        registry.addRegion(region("440000", "gd"));
        assertEquals(new BigDecimal("3000000"), registry.effective("440106").decimal(THRESHOLD));
        assertEquals("gd@2", registry.effective("440106").id());

        registry.addPack(new RulePack("gz", "1", Map.of("sync.publish.toleranceDays", "2"), null));
        registry.addRegion(region("440100", "gz"));
        RulePack county = registry.effective("440106");
        assertEquals("gz@1", county.id());
        assertEquals(new BigDecimal("3000000"), county.decimal(THRESHOLD), "a named pack still inherits what it does not set");
    }

    @Test
    void overridesAreReportedAgainstTheParentWithTheirSource() {
        RulePackRegistry registry = new RulePackRegistry();
        registry.addPack(new RulePack("gd", "1", Map.of("exAnte.threshold", "3000000"), null));
        registry.addPack(new RulePack("gz", "1", Map.of("exAnte.threshold", "3000000", "rule.GOAL_MISSING.enabled", "false"), null));
        registry.addRegion(region("440000", "gd"));
        registry.addRegion(region("440100", "gz"));

        List<RulePacks.ParameterOverride> overrides = registry.overrides("440100");
        assertEquals(1, overrides.size(), "the same value as the parent is not an override: " + overrides);
        assertEquals(new RulePacks.ParameterOverride("rule.GOAL_MISSING.enabled", "false", "(default)", "gz@1"), overrides.get(0));

        List<RulePacks.ParameterOverride> province = registry.overrides("440000");
        assertTrue(province.contains(new RulePacks.ParameterOverride("exAnte.threshold", "3000000", "(default)", "gd@1")));
    }

    @Test
    void removingAPackFallsBackToTheParent() {
        RulePackRegistry registry = new RulePackRegistry();
        RulePack gd = new RulePack("gd", "1", Map.of("exAnte.threshold", "3000000"), null);
        registry.addPack(gd);
        registry.addRegion(region("440000", "gd"));
        registry.removePack(gd);
        assertEquals("default@1", registry.effective("440000").id());
    }
}
