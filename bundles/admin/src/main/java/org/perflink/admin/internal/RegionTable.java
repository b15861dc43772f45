package org.perflink.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perflink.reports.TextTable;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.RegionStatus;
import org.perflink.store.StoreStatus;

/**
 * {@code perflink:regions}: every configured region (ACTIVE or DISABLED — a disabled region stays listed)
 * and every region the store still holds state for, with its stages, effective rule pack, per-stage cursors,
 * outbox backlog, oldest undelivered result, open dead letters, last event and last error; below, the statistics
 * of each region's routes as the engine last reported them (exchanges, failures, last processing time).
 */
public final class RegionTable {

    /** status.json is rewritten every second; older than this, the routes have probably stopped. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);
    static final String UNCONFIGURED = "未配置 (UNCONFIGURED)";
    private static final int ERROR_WIDTH = 48;

    private RegionTable() {
    }

    /** A region's effective rule pack: its id, the pack the region names itself (may be empty) and whether that one is defined. */
    public record PackInfo(String effective, String own, boolean ownDefined) {

        String text() {
            return !own.isEmpty() && !ownDefined ? effective + " ('" + own + "' 未定义 undefined)" : effective;
        }
    }

    /** The last error of a region: the store's if reading the store failed, else the routes', else the store's. */
    public record LastError(String message, Instant at, String source) {

        public static final String STORE_FAILURE = "store-failure";
        public static final String LIVE = "live";
        public static final String STORE = "store";
    }

    /**
     * One region of the table. {@code settings} is null for a region that only the store still knows
     * ({@link #STATE_UNCONFIGURED}); {@code status} null when the store could not be read ({@code statusError}).
     */
    public record Row(String code, RegionSettings settings, String state, PackInfo pack, RegionStatus status,
            String statusError, LiveStatus.Region live) {

        public LastError lastError() {
            if (statusError != null) {
                return new LastError(statusError, null, LastError.STORE_FAILURE);
            }
            if (live != null && live.lastError() != null) {
                return new LastError(live.lastError(), null, LastError.LIVE);
            }
            if (status != null && status.lastError() != null) {
                return new LastError(status.lastError(), status.lastErrorAt(), LastError.STORE);
            }
            return null;
        }
    }

    /** Every region, in code order, with the counts of the summary line. */
    public record Overview(List<Row> rows, int configured, int active, int disabled, String storeProblem) {

        public Overview {
            rows = List.copyOf(rows);
        }
    }

    public static final String STATE_ACTIVE = "ACTIVE";
    public static final String STATE_DISABLED = "DISABLED";
    public static final String STATE_UNCONFIGURED = "UNCONFIGURED";

    /** The regions and their figures: what {@code perflink:regions} prints and {@code GET /api/admin/v1/regions} returns. */
    public static Overview overview(Collection<RegionSettings> regions, StoreStatus store, RulePacks packs,
            LiveStatus live) {
        Map<String, RegionSettings> configured = new TreeMap<>();
        for (RegionSettings r : regions) {
            configured.put(r.regionCode(), r);
        }
        Map<String, RegionSettings> all = new TreeMap<>(configured);
        String storeProblem = null;
        try {
            for (String code : store.regions()) {
                all.putIfAbsent(code, null);
            }
        } catch (RuntimeException e) {
            storeProblem = e.getMessage();
        }
        Set<String> definedPacks = packs.defined().keySet();
        List<Row> rows = new ArrayList<>();
        int active = 0;
        int disabled = 0;
        for (Map.Entry<String, RegionSettings> e : all.entrySet()) {
            String code = e.getKey();
            RegionSettings settings = e.getValue();
            String state;
            if (settings == null) {
                state = STATE_UNCONFIGURED;
            } else if (settings.enabled()) {
                state = STATE_ACTIVE;
                active++;
            } else {
                state = STATE_DISABLED;
                disabled++;
            }
            RegionStatus status = null;
            String statusError = null;
            try {
                status = store.status(code);
            } catch (RuntimeException ex) {
                statusError = "存储错误 (store error): " + ex.getMessage();
            }
            rows.add(new Row(code, settings, state, settings == null ? null : rulePack(settings, packs, definedPacks),
                    status, statusError, live.regions().get(code)));
        }
        return new Overview(rows, configured.size(), active, disabled, storeProblem);
    }

    public static String render(Collection<RegionSettings> regions, StoreStatus store, RulePacks packs,
            LiveStatus live, ZoneId zone, Instant now) {
        Overview overview = overview(regions, store, packs, live);
        TextTable table = TextTable.of("代码 (code)", "名称 (name)", "状态 (state)", "阶段 (stages)",
                "规则包 (rule pack)", "游标 编制/执行/决算 (cursors)", "积压 (backlog)", "最早未送达 (oldest undelivered)",
                "死信 (dead letters)", "最近事件 (last event)", "最近错误 (last error)")
                .alignRight(6, 8).wrap(10, ERROR_WIDTH);
        for (Row row : overview.rows()) {
            RegionSettings settings = row.settings();
            RegionStatus status = row.status();
            LastError last = row.lastError();
            String lastError = last == null ? null
                    : last.message() + (last.at() == null ? "" : " (" + Times.format(last.at(), zone) + ")");
            table.row(row.code(),
                    settings == null || settings.name().isBlank() ? null : settings.name(),
                    STATE_UNCONFIGURED.equals(row.state()) ? UNCONFIGURED : row.state(),
                    settings == null ? null : Stages.zhList(settings.stages()),
                    row.pack() == null ? null : row.pack().text(),
                    status == null ? "?" : cursors(status),
                    status == null ? "?" : status.backlog(),
                    status == null ? "?" : Times.format(status.oldestUndelivered(), zone),
                    status == null ? "?" : status.deadLetters(),
                    status == null ? "?" : Times.format(status.lastEventAt(), zone),
                    TextTable.abbreviate(lastError, ERROR_WIDTH * 3));
        }
        StringBuilder out = new StringBuilder();
        if (table.isEmpty()) {
            out.append("无区划 (no regions): 用 (use) perflink:region-add CODE 添加 (to add one)\n");
        } else {
            out.append(table.render());
            out.append("区划 (regions): ").append(overview.configured()).append(", 启用 (active) ").append(overview.active())
                    .append(", 停用 (disabled) ").append(overview.disabled());
            if (overview.rows().size() > overview.configured()) {
                out.append(", 仅存储中有状态 (state in the store only) ")
                        .append(overview.rows().size() - overview.configured());
            }
            out.append('\n');
        }
        if (overview.storeProblem() != null) {
            out.append("存储不可用 (store unavailable): ").append(overview.storeProblem()).append('\n');
        }
        out.append(routeStatistics(overview, zone));
        out.append(nodes(overview, live, zone));
        out.append(liveLine(live, zone, now)).append('\n');
        return out.toString();
    }

    /** The routes' statistics of every region the routes reported, a row per route; empty when none did. */
    static String routeStatistics(Overview overview, ZoneId zone) {
        TextTable table = TextTable.of("区划 (region)", "路由 (route)", "交换 (exchanges)", "失败 (failed)",
                "最近耗时 ms (last ms)", "最近完成 (last completed)", "最近失败 (last failure)").alignRight(2, 3, 4);
        for (Row row : overview.rows()) {
            if (row.live() == null) {
                continue;
            }
            row.live().routes().forEach((id, r) -> table.row(row.code(), id, r.exchangesTotal(), r.exchangesFailed(),
                    r.lastProcessingTimeMs(), Times.format(r.lastCompletedAt(), zone), r.lastFailure()));
        }
        return table.isEmpty() ? "" : "\n路由统计 (route statistics):\n" + table.render();
    }

    /**
     * Which node handles each region now and since when (in a cluster, docs/cluster.md), with this node's name and the
     * nodes it sees alive; empty when the routes reported no node.
     */
    static String nodes(Overview overview, LiveStatus live, ZoneId zone) {
        TextTable table = TextTable.of("区划 (region)", "节点 (node)", "自 (since)");
        for (Row row : overview.rows()) {
            if (row.live() != null && row.live().node() != null) {
                table.row(row.code(), row.live().node(), Times.format(row.live().nodeSince(), zone));
            }
        }
        LiveStatus.Cluster cluster = live.cluster();
        if (table.isEmpty() && cluster.node() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n节点 (nodes): 本节点 (this node) ").append(cluster.node());
        if (cluster.enabled()) {
            out.append(", 集群 (cluster) ").append(cluster.state()).append(", 在线 (alive) ")
                    .append(String.join(", ", cluster.nodesAlive()));
        }
        if (cluster.problem() != null) {
            out.append(" — ").append(cluster.problem());
        }
        out.append('\n');
        return table.isEmpty() ? out.toString() : out.append(table.render()).toString();
    }

    /** True when the routes' status file is older than {@link #STALE_AFTER}. */
    public static boolean stale(LiveStatus live, Instant now) {
        return live.present() && Duration.between(live.updatedAt(), now).compareTo(STALE_AFTER) > 0;
    }

    private static PackInfo rulePack(RegionSettings settings, RulePacks packs, Set<String> definedPacks) {
        String id;
        try {
            id = packs.effective(settings.regionCode()).id();
        } catch (RuntimeException e) {
            id = "?";
        }
        String own = settings.rulePack();
        return new PackInfo(id, own, own.isEmpty() || definedPacks.contains(own));
    }

    static String cursors(RegionStatus status) {
        StringBuilder sb = new StringBuilder();
        for (Stage s : Stage.values()) {
            String c = status.cursors().get(s);
            sb.append(sb.length() == 0 ? "" : " / ").append(c == null ? "-" : c);
        }
        return sb.toString();
    }

    static String liveLine(LiveStatus live, ZoneId zone, Instant now) {
        if (!live.present()) {
            return live.problem();
        }
        String line = "实时状态 (live status): " + live.file() + ", 更新于 (updated) " + Times.format(live.updatedAt(), zone);
        if (stale(live, now)) {
            line += " — 已过期，路由可能已停止 (stale: the routes may have stopped)";
        }
        return line;
    }
}
