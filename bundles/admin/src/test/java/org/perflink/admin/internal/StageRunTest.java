package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.core.StageRunner;
import org.perflink.store.RegionStatus;

/** perflink:run: the stage runs now through the StageRunner, is audited, and says why when it cannot. */
class StageRunTest {

    final FakeStore store = new FakeStore();
    final List<String> runs = new ArrayList<>();
    final List<RegionSettings> regions = List.of(
            new RegionSettings("440000", "广东省", true, EnumSet.allOf(Stage.class), "", Duration.ofSeconds(5), null),
            new RegionSettings("440100", "广州市", true, EnumSet.of(Stage.EXECUTE), "", Duration.ofSeconds(5), null),
            new RegionSettings("440300", "深圳市", false, EnumSet.allOf(Stage.class), "", Duration.ofSeconds(5), null));

    /** Runs a region's stage as the routes would: only when active; 440000's compile cursor moves 12 → 15. */
    final StageRunner runner = (region, stage) -> {
        runs.add(region + "/" + stage);
        RegionSettings s = regions.stream().filter(r -> r.regionCode().equals(region)).findFirst().orElse(null);
        if (s == null || !s.active(stage)) {
            return false;
        }
        store.cursors.put(region + "/" + stage, "15");
        store.statuses.put(region, new RegionStatus(region, Map.of(stage, "15"), 4, null, 0, 0, null, null, null));
        return true;
    };

    @Test
    void theStageRunsNowAndIsAudited() {
        store.cursors.put("440000/COMPILE", "12");
        String out = new StageRun(runner, store, store, store, Clock.systemUTC()).run("otto", " 440000 ", "编制", List.of(), regions);

        assertEquals(List.of("440000/COMPILE"), runs);
        assertTrue(out.startsWith("已运行 (ran): 区划 (region) 440000 编制 (compile)\n"), out);
        assertTrue(out.contains("游标 (cursor): 12 → 15\n"), out);
        assertTrue(out.contains("待送达 (backlog): 4"), out);
        assertEquals(1, store.audits.size());
        assertEquals("otto", store.audits.get(0).actor());
        assertEquals(StageRun.RUN, store.audits.get(0).action());
        assertEquals("440000/COMPILE", store.audits.get(0).target());
        assertEquals("cursor=12", store.audits.get(0).before());
        assertEquals("cursor=15", store.audits.get(0).after());

        String again = new StageRun(runner, store, store, store, Clock.systemUTC()).run("otto", "440000", "compile", null, regions);
        assertTrue(again.contains("15 → 15 (无新事件 no new event)"), again);
    }

    @Test
    void aStageThatDoesNotRunSaysWhyAndIsNotAudited() {
        StageRun run = new StageRun(runner, store, store, store, Clock.systemUTC());
        assertTrue(run.run("otto", "440100", "compile", List.of(), regions)
                .contains("未运行 (not run): 区划 (region) 440100 编制 (compile) — 该阶段已关闭 (the stage is switched off); "
                        + "开启 (enable): perflink:enable 440100 compile"));
        assertTrue(run.run("otto", "440300", "close", List.of(), regions).contains("区划已停用 (the region is DISABLED)"));
        assertTrue(run.run("otto", "450000", "close", List.of(), regions).contains("区划未配置 (the region is not configured)"));
        assertEquals(3, runs.size());
        assertTrue(store.audits.isEmpty());
    }

    @Test
    void badArgumentsProjectsAndMissingRoutesAreRefusedBeforeAnythingRuns() {
        StageRun run = new StageRun(runner, store, store, store, Clock.systemUTC());
        assertThrows(IllegalArgumentException.class, () -> run.run("otto", "44", "compile", List.of(), regions));
        assertThrows(IllegalArgumentException.class, () -> run.run("otto", "440000", "audit", List.of(), regions));
        IllegalArgumentException projects = assertThrows(IllegalArgumentException.class,
                () -> run.run("otto", "440000", "compile", List.of("440000-2027-000101"), regions));
        assertTrue(projects.getMessage().contains("not supported yet"), projects.getMessage());
        assertTrue(runs.isEmpty());
        IllegalStateException noRoutes = assertThrows(IllegalStateException.class,
                () -> new StageRun(null, store, store, store, Clock.systemUTC()).run("otto", "440000", "compile", List.of(), regions));
        assertTrue(noRoutes.getMessage().contains("org.perflink.camel"), noRoutes.getMessage());
        assertTrue(store.audits.isEmpty());
    }
}
