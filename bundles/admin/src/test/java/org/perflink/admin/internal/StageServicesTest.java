package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.reports.Loaded;

class StageServicesTest {

    @Test
    void aStageIsInstalledExactlyWhenItsCatalogueIsBound() {
        List<RuleCatalog> all = Loaded.catalogs();
        StageServices every = StageServices.of(List.of(all.get(2), all.get(0), all.get(1)), null, null, null, (HostGateway) null);
        assertEquals(List.of(Stage.COMPILE, Stage.EXECUTE, Stage.CLOSE), every.installed().stream().map(RuleCatalog::stage).toList(),
                "in stage order, whatever the binding order");
        assertEquals(List.of(), every.missing());

        StageServices compileOnly = StageServices.of(List.of(Loaded.catalog(Stage.COMPILE)), null, null, null, (HostGateway) null);
        assertEquals(List.of(Stage.EXECUTE, Stage.CLOSE), compileOnly.missing());
        assertTrue(compileOnly.catalog(Stage.CLOSE).isEmpty());
        assertTrue(compileOnly.targetCheck().isEmpty() && compileOnly.linkSimulation().isEmpty()
                && compileOnly.contractCodec().isEmpty() && compileOnly.hostGateways().isEmpty(), "absent, not failing");
        String report = RulePackReport.full("440000", new org.perflink.reports.FakeRulePacks(), compileOnly.installed(),
                compileOnly.missing());
        assertTrue(report.contains("未安装的阶段 (stages not installed): 执行 (execute),决算 (close)"), report);
    }
}
