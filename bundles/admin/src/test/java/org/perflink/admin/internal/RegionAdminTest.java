package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.store.AuditEntry;

class RegionAdminTest {

    @TempDir
    Path etc;

    private FakeConfigAdmin configAdmin;
    private FakeStore store;
    private RegionAdmin admin;

    @BeforeEach
    void setUp() {
        configAdmin = new FakeConfigAdmin();
        store = new FakeStore();
        admin = new RegionAdmin(new RegionConfigEditor(configAdmin, etc), store);
        configAdmin.addFactoryConfig(RegionConfigEditor.FACTORY_PID, "a", Map.of("regionCode", "440000", "name", "广东省",
                "enabled", "true", "compileEnabled", "true", "executeEnabled", "true", "closeEnabled", "true"));
    }

    private FakeConfigAdmin.FakeConfiguration region440000() {
        return configAdmin.configs.get("org.perflink.region~a");
    }

    @Test
    void disablingAWholeRegionSwitchesItsEnabledFlagAndIsAudited() throws IOException {
        String out = admin.setEnabled("alice", "440000", List.of(), false);

        assertEquals("false", region440000().value("enabled"));
        assertEquals("true", region440000().value("compileEnabled"), "the stages keep their switches");
        assertEquals(1, store.audits.size());
        AuditEntry a = store.audits.get(0);
        assertEquals("alice", a.actor());
        assertEquals(RegionAdmin.DISABLE, a.action());
        assertEquals("440000", a.target());
        assertEquals("enabled=true", a.before());
        assertEquals("enabled=false", a.after());
        assertTrue(out.contains("已停用 (disabled)") && out.contains("之前 (before): enabled=true"), out);
        assertTrue(out.contains("已保存 (saved): " + etc.resolve("org.perflink.region-440000.cfg")), out);
    }

    @Test
    void namedStagesSwitchOnlyThoseStages() throws IOException {
        admin.setEnabled("bob", "440000", List.of("execute", "决算"), false);

        assertEquals("true", region440000().value("compileEnabled"));
        assertEquals("false", region440000().value("executeEnabled"));
        assertEquals("false", region440000().value("closeEnabled"));
        assertEquals("true", region440000().value("enabled"));
        AuditEntry a = store.audits.get(0);
        assertEquals("440000/EXECUTE,CLOSE", a.target());
        assertEquals("executeEnabled=true, closeEnabled=true", a.before());
        assertEquals("executeEnabled=false, closeEnabled=false", a.after());
    }

    @Test
    void nothingToChangeIsSaidAndNotAudited() throws IOException {
        String out = admin.setEnabled("alice", "440000", List.of("compile"), true);
        assertTrue(out.startsWith("未变化 (unchanged)"), out);
        assertTrue(store.audits.isEmpty());
        assertEquals(0, region440000().updates);
    }

    @Test
    void enablingAStageOfADisabledRegionSaysTheRegionIsStillOff() throws IOException {
        admin.setEnabled("alice", "440000", List.of(), false);
        admin.setEnabled("alice", "440000", List.of("compile"), false);
        String out = admin.setEnabled("alice", "440000", List.of("compile"), true);
        assertTrue(out.contains("区划整体仍为停用"), out);
        assertEquals(RegionAdmin.ENABLE, store.audits.get(2).action());
    }

    @Test
    void anUnknownRegionOrStageChangesNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> admin.setEnabled("alice", "440300", List.of(), true));
        assertTrue(e.getMessage().contains("440300") && e.getMessage().contains("region-add"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> admin.setEnabled("alice", "440000", List.of("monitor"), false));
        assertTrue(store.audits.isEmpty());
        assertEquals(0, region440000().updates);
    }

    @Test
    void addWritesTheRegionWithItsStagesAndPackAndAuditsIt() throws IOException {
        String out = admin.add("carol", "440300", "深圳市", "compile,close", "sz", false, Set.of("gd"));

        FakeConfigAdmin.FakeConfiguration c = configAdmin.configs.get("org.perflink.region~440300");
        assertEquals("深圳市", c.value("name"));
        assertEquals("true", c.value("enabled"));
        assertEquals("true", c.value("compileEnabled"));
        assertEquals("false", c.value("executeEnabled"));
        assertEquals("true", c.value("closeEnabled"));
        assertEquals("sz", c.value("rulePack"));
        assertTrue(Files.isRegularFile(etc.resolve("org.perflink.region-440300.cfg")));
        AuditEntry a = store.audits.get(0);
        assertEquals(RegionAdmin.ADD, a.action());
        assertNull(a.before());
        assertEquals("regionCode=440300, name=深圳市, enabled=true, compileEnabled=true, executeEnabled=false, "
                + "closeEnabled=true, rulePack=sz", a.after());
        assertTrue(out.contains("规则包 'sz' 尚未定义"), "a pack name that is not configured is pointed out: " + out);
    }

    @Test
    void addDefaultsToEveryStageAndTheInheritedPack() throws IOException {
        String out = admin.add("carol", "440300", null, null, null, true, Set.of());
        FakeConfigAdmin.FakeConfiguration c = configAdmin.configs.get("org.perflink.region~440300");
        assertEquals("false", c.value("enabled"));
        assertEquals("true", c.value("executeEnabled"));
        assertEquals("", c.value("rulePack"));
        assertTrue(out.contains("DISABLED") && out.contains("编制,执行,决算") && out.contains("继承上级"), out);
        assertThrows(IllegalStateException.class, () -> admin.add("carol", "440300", null, null, null, false, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> admin.add("carol", "4403", null, null, null, false, Set.of()));
        assertEquals(1, store.audits.size());
    }

    @Test
    void removeDeletesTheConfigurationKeepsStoredStateAndAuditsTheOldValues() throws IOException {
        String out = admin.remove("dave", "440000");
        assertTrue(configAdmin.configs.isEmpty());
        AuditEntry a = store.audits.get(0);
        assertEquals(RegionAdmin.REMOVE, a.action());
        assertTrue(a.before().startsWith("regionCode=440000, name=广东省, enabled=true"), a.before());
        assertNull(a.after());
        assertTrue(out.contains("仍保留在存储中"), out);
        assertFalse(out.contains("service.pid"), out);
    }

    @Test
    void aNameOrRulePackKarafWouldExpandIsRefusedNamingTheFieldAndNothingIsWritten() throws IOException {
        for (String[] nameAndPack : new String[][] {{"$[secret:perflink.host]", "gz"}, {"广州", "${karaf.home}"},
                {"x $[env:PERFLINK_HOST_TOKEN]", ""}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> admin.add("alice", "440100", nameAndPack[0], null, nameAndPack[1], false, Set.of()));
            String field = nameAndPack[0].contains("$") ? "'name'" : "'rulePack'";
            assertTrue(e.getMessage().contains(field) && e.getMessage().contains("may not contain ${ or $["), e.getMessage());
        }
        assertFalse(Files.exists(etc.resolve("org.perflink.region-440100.cfg")), "no file");
        assertTrue(configAdmin.configs.keySet().stream().noneMatch(pid -> pid.contains("440100")), "no configuration");
        assertTrue(store.audits.isEmpty(), "nothing audited");
    }
}
