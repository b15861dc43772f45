package org.perflink.admin.internal;

import org.perflink.reports.FakeRulePacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.store.RegionStatus;

class RegionTableTest {

    private static final ZoneId CST = ZoneOffset.ofHours(8);
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:10Z");

    private static RegionSettings region(String code, String name, boolean enabled, Set<Stage> stages, String pack) {
        return new RegionSettings(code, name, enabled, stages, pack, Duration.ofSeconds(5), null);
    }

    private static String rowOf(String out, String code) {
        return out.lines().filter(l -> l.startsWith(code)).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    @Test
    void listsActiveDisabledAndStoreOnlyRegionsWithTheirFigures() {
        FakeStore store = new FakeStore();
        store.statuses.put("440000", new RegionStatus("440000", Map.of(Stage.COMPILE, "c-17", Stage.CLOSE, "c-3"), 4,
                Instant.parse("2027-03-01T07:30:00Z"), 120, 2, "HTTP 500", Instant.parse("2027-03-01T07:45:00Z"),
                Instant.parse("2027-03-01T07:59:00Z")));
        store.statuses.put("450000", new RegionStatus("450000", Map.of(), 0, null, 0, 0, null, null, null));
        FakeRulePacks packs = new FakeRulePacks().define("gd", "2", Map.of()).assign("440000", "gd");
        List<RegionSettings> regions = List.of(
                region("440100", "广州市", false, EnumSet.of(Stage.COMPILE), "gz"),
                region("440000", "广东省", true, EnumSet.allOf(Stage.class), "gd"));

        String out = RegionTable.render(regions, store, packs, LiveStatus.none(Path.of("s.json"), "no live status"), CST, NOW);

        String gd = rowOf(out, "440000");
        for (String expected : List.of("广东省", "ACTIVE", "编制,执行,决算", "gd@2", "c-17 / - / c-3", "2027-03-01 15:30:00",
                "2027-03-01 15:59:00", "HTTP 500 (2027-03-01 15:45:00)")) {
            assertTrue(gd.contains(expected), expected + " in\n" + out);
        }
        String gz = rowOf(out, "440100");
        assertTrue(gz.contains("DISABLED") && gz.contains("编制"), out);
        assertTrue(gz.contains("gd@2 ('gz' 未定义 undefined)"), "a region naming an unknown pack inherits, and says so:\n" + out);
        assertTrue(rowOf(out, "450000").contains(RegionTable.UNCONFIGURED), out);
        assertTrue(out.indexOf("440000") < out.indexOf("440100") && out.indexOf("440100") < out.indexOf("450000"), out);
        assertTrue(out.contains("区划 (regions): 2, 启用 (active) 1, 停用 (disabled) 1, 仅存储中有状态 (state in the store only) 1"), out);
        assertTrue(out.lines().anyMatch(l -> l.equals("no live status")), out);
    }

    @Test
    void theRoutesLastErrorWinsAndAStaleStatusFileIsPointedOut() {
        FakeStore store = new FakeStore();
        store.statuses.put("440000", new RegionStatus("440000", Map.of(), 0, null, 0, 0, "old store error", null, null));
        LiveStatus live = new LiveStatus(Path.of("data/perflink/status.json"), NOW.minusSeconds(60),
                Map.of("440000", new LiveStatus.Region("ACTIVE", "connect timed out")), null);

        String out = RegionTable.render(List.of(region("440000", "", true, Set.of(), "")), store, new FakeRulePacks(),
                live, CST, NOW);

        String row = rowOf(out, "440000");
        assertTrue(row.contains("connect timed out") && !row.contains("old store error"), out);
        assertTrue(row.contains("无 (none)") && row.contains("default@1"), out);
        assertTrue(out.contains("更新于 (updated) 2027-03-01 15:59:10 — 已过期"), out);

        LiveStatus fresh = new LiveStatus(live.file(), NOW.minusSeconds(2), Map.of(), null);
        assertTrue(!RegionTable.liveLine(fresh, CST, NOW).contains("stale"));
    }

    @Test
    void eachRoutesStatisticsAreListedBelowTheRegions() {
        FakeStore store = new FakeStore();
        store.statuses.put("440000", new RegionStatus("440000", Map.of(), 0, null, 0, 0, null, null, null));
        LiveStatus live = new LiveStatus(Path.of("status.json"), NOW.minusSeconds(1), Map.of("440000",
                new LiveStatus.Region("ACTIVE", null, Map.of(
                        "perflink-poll-compile-440000", new LiveStatus.Route(12, 2, 35L, Instant.parse("2027-03-01T08:00:04Z"), "HostException"),
                        "perflink-deliver-440000", new LiveStatus.Route(0, 0, null, null, null)))), null);

        String out = RegionTable.render(List.of(region("440000", "广东省", true, Set.of(Stage.COMPILE), "")), store,
                new FakeRulePacks(), live, CST, NOW);

        assertTrue(out.contains("路由统计 (route statistics):"), out);
        String poll = out.lines().filter(l -> l.contains("perflink-poll-compile-440000")).findFirst()
                .orElseThrow(() -> new AssertionError(out));
        assertEquals(List.of("440000", "perflink-poll-compile-440000", "12", "2", "35", "2027-03-01 16:00:04", "HostException"),
                List.of(poll.trim().split("\\s*\\|\\s*")), poll);
        String deliver = out.lines().filter(l -> l.contains("perflink-deliver-440000")).findFirst().orElseThrow();
        assertEquals(List.of("440000", "perflink-deliver-440000", "0", "0", "-", "-", "-"),
                List.of(deliver.trim().split("\\s*\\|\\s*")), deliver);
        assertTrue(out.indexOf("perflink-deliver-440000") < out.indexOf("perflink-poll-compile-440000"), "in route id order:\n" + out);

        String none = RegionTable.render(List.of(region("440000", "广东省", true, Set.of(Stage.COMPILE), "")), store,
                new FakeRulePacks(), LiveStatus.none(Path.of("x"), "none"), CST, NOW);
        assertTrue(!none.contains("路由统计"), "no routes reported, no section:\n" + none);
    }

    @Test
    void aFailingStoreStillListsTheConfiguredRegions() {
        FakeStore store = new FakeStore();
        store.statusFailure = new IllegalStateException("database closed");
        String out = RegionTable.render(List.of(region("440000", "广东省", true, Set.of(Stage.COMPILE), "")), store,
                new FakeRulePacks(), LiveStatus.none(Path.of("x"), "none"), CST, NOW);
        String row = rowOf(out, "440000");
        assertTrue(row.contains("ACTIVE") && row.contains("存储错误 (store error): database closed"), out);
    }

    @Test
    void noRegionsAtAllTellsHowToAddOne() {
        String out = RegionTable.render(List.of(), new FakeStore(), new FakeRulePacks(), LiveStatus.none(Path.of("x"), "none"),
                CST, NOW);
        assertEquals("无区划 (no regions): 用 (use) perflink:region-add CODE 添加 (to add one)", out.lines().findFirst().orElseThrow());
    }
}
