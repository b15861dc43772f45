package org.perflink.admin.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perflink.api.model.Stage;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.PerfLinkStore;
import org.perflink.store.RegionStatus;

/**
 * {@code perflink:regions}: every configured region (ACTIVE or DISABLED — a disabled region stays listed)
 * and every region the store still holds state for, with its stages, effective rule pack, per-stage cursors,
 * outbox backlog, oldest undelivered result, open dead letters, last event and last error.
 */
public final class RegionTable {

    /** status.json is rewritten every second; older than this, the routes have probably stopped. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);
    static final String UNCONFIGURED = "未配置 (UNCONFIGURED)";
    private static final int ERROR_WIDTH = 48;

    private RegionTable() {
    }

    public static String render(Collection<RegionSettings> regions, PerfLinkStore store, RulePacks packs,
            LiveStatus live, ZoneId zone, Instant now) {
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

        TextTable table = TextTable.of("代码 (code)", "名称 (name)", "状态 (state)", "阶段 (stages)",
                "规则包 (rule pack)", "游标 编制/执行/决算 (cursors)", "积压 (backlog)", "最早未送达 (oldest undelivered)",
                "死信 (dead letters)", "最近事件 (last event)", "最近错误 (last error)")
                .alignRight(6, 8).wrap(10, ERROR_WIDTH);
        int active = 0;
        int disabled = 0;
        for (Map.Entry<String, RegionSettings> e : all.entrySet()) {
            String code = e.getKey();
            RegionSettings settings = e.getValue();
            String state;
            if (settings == null) {
                state = UNCONFIGURED;
            } else if (settings.enabled()) {
                state = "ACTIVE";
                active++;
            } else {
                state = "DISABLED";
                disabled++;
            }
            RegionStatus status = null;
            String statusError = null;
            try {
                status = store.status(code);
            } catch (RuntimeException ex) {
                statusError = "存储错误 (store error): " + ex.getMessage();
            }
            LiveStatus.Region liveRegion = live.regions().get(code);
            String lastError;
            if (statusError != null) {
                lastError = statusError;
            } else if (liveRegion != null && liveRegion.lastError() != null) {
                lastError = liveRegion.lastError();
            } else if (status != null && status.lastError() != null) {
                lastError = status.lastError() + (status.lastErrorAt() == null ? ""
                        : " (" + Times.format(status.lastErrorAt(), zone) + ")");
            } else {
                lastError = null;
            }
            table.row(code,
                    settings == null || settings.name().isBlank() ? null : settings.name(),
                    state,
                    settings == null ? null : Stages.zhList(settings.stages()),
                    settings == null ? null : rulePack(settings, packs, definedPacks),
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
            out.append("区划 (regions): ").append(configured.size()).append(", 启用 (active) ").append(active)
                    .append(", 停用 (disabled) ").append(disabled);
            if (all.size() > configured.size()) {
                out.append(", 仅存储中有状态 (state in the store only) ").append(all.size() - configured.size());
            }
            out.append('\n');
        }
        if (storeProblem != null) {
            out.append("存储不可用 (store unavailable): ").append(storeProblem).append('\n');
        }
        out.append(liveLine(live, zone, now)).append('\n');
        return out.toString();
    }

    private static String rulePack(RegionSettings settings, RulePacks packs, Set<String> definedPacks) {
        String id;
        try {
            id = packs.effective(settings.regionCode()).id();
        } catch (RuntimeException e) {
            id = "?";
        }
        String own = settings.rulePack();
        if (!own.isEmpty() && !definedPacks.contains(own)) {
            return id + " ('" + own + "' 未定义 undefined)";
        }
        return id;
    }

    private static String cursors(RegionStatus status) {
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
        if (Duration.between(live.updatedAt(), now).compareTo(STALE_AFTER) > 0) {
            line += " — 已过期，路由可能已停止 (stale: the routes may have stopped)";
        }
        return line;
    }
}
