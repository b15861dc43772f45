package org.perflink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.core.RegionSettings;

/** rules.md "Region parents" (since rules v2): parentRegion, else the digits; cycles fail. */
class RegionParentsTest {

    private static final Param THRESHOLD = Param.of("exAnte.threshold", "5000000", "ex-ante threshold");

    private static RegionSettings region(String code, String pack, String parent) {
        return new RegionSettings(code, "", true, Set.of(Stage.CLOSE), pack, Duration.ofSeconds(5), null, null, parent, null);
    }

    private static RulePackRegistry henan() {
        RulePackRegistry registry = new RulePackRegistry();
        registry.addPack(new RulePack("ha", "1", Map.of("exAnte.threshold", "3000000"), null));
        registry.addPack(new RulePack("zz", "1", Map.of("exAnte.threshold", "2000000"), null));
        registry.addRegion(region("410000", "ha", null));
        registry.addRegion(region("410100", "zz", null));
        return registry;
    }

    @Test
    void aProvinceAdministeredCountyInheritsFromItsProvinceNotTheCityOfItsDigits() {
        RulePackRegistry registry = henan();
        registry.addRegion(region("410181", "", "410000")); // 巩义市, 省直管县
        registry.addRegion(region("410102", "", null));
        assertEquals(Optional.of("410000"), registry.parentOf("410181"));
        assertEquals("ha@1", registry.effective("410181").id());
        assertEquals(new BigDecimal("3000000"), registry.effective("410181").decimal(THRESHOLD));
        assertEquals("zz@1", registry.effective("410102").id(), "by digits");
        assertEquals(List.of("410100", "410181"), registry.lowerRegions("410000"));
        assertEquals(List.of("410102"), registry.lowerRegions("410100"));
    }

    @Test
    void aCityWithSeparatePlanningAlreadySitsUnderItsProvinceByDigits() {
        RulePackRegistry registry = new RulePackRegistry();
        registry.addRegion(region("350000", "", null));
        registry.addRegion(region("350200", "", null)); // 厦门市, 计划单列市
        assertEquals(Optional.of("350000"), registry.parentOf("350200"));
        assertEquals(List.of("350200"), registry.lowerRegions("350000"));
    }

    @Test
    void aParentWithoutAConfigurationPassesOnToItsOwnParent() {
        RulePackRegistry registry = henan();
        registry.addRegion(region("410305", "", null)); // 410300 洛阳 is not configured
        assertEquals("ha@1", registry.effective("410305").id());
        assertTrue(registry.lowerRegions("410000").contains("410305"));
        assertEquals(List.of(), registry.lowerRegions("410300"), "an unconfigured region has no lower regions");
    }

    @Test
    void aCycleFailsThatRegionNamingTheChain() {
        RulePackRegistry registry = henan();
        registry.addRegion(region("410181", "", "410182"));
        registry.addRegion(region("410182", "", "410181"));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry.effective("410181"));
        assertTrue(ex.getMessage().contains("410181 → 410182 → 410181"), ex.getMessage());
        assertEquals("zz@1", registry.effective("410100").id(), "other regions go on");
        assertEquals(List.of("410100"), registry.lowerRegions("410000"), "the cycle is left out of the lower regions");
    }

    @Test
    void aSelfReferenceFailsTheRegionConfigurationNamingTheKey() {
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> RegionComponent.toSettings(config("410181", "410181")));
        assertTrue(self.getMessage().contains("parentRegion"), self.getMessage());
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> RegionComponent.toSettings(config("410181", "41000")));
        assertTrue(malformed.getMessage().contains("parentRegion"), malformed.getMessage());
        assertEquals("410000", RegionComponent.toSettings(config("410181", " 410000 ")).parentRegion());
        assertEquals(null, RegionComponent.toSettings(config("410181", "")).parentRegion());
    }

    static RegionConfig config(String code, String parent) {
        return config(code, parent, "");
    }

    static RegionConfig config(String code, String parent, String hostContract) {
        return new RegionConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RegionConfig.class; }
            @Override public String webconsole_configurationFactory_nameHint() { return ""; }
            @Override public String regionCode() { return code; }
            @Override public String name() { return ""; }
            @Override public boolean enabled() { return true; }
            @Override public boolean compileEnabled() { return true; }
            @Override public boolean executeEnabled() { return true; }
            @Override public boolean closeEnabled() { return true; }
            @Override public String rulePack() { return ""; }
            @Override public String parentRegion() { return parent; }
            @Override public int pollIntervalSeconds() { return 5; }
            @Override public String hostUrl() { return ""; }
            @Override public String host() { return ""; }
            @Override public String hostContract() { return hostContract; }
        };
    }
}
