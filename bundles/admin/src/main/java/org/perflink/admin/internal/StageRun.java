package org.perflink.admin.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.perflink.api.model.Stage;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionSettings;
import org.perflink.core.StageRunner;
import org.perflink.store.AuditLog;
import org.perflink.store.EventLedger;
import org.perflink.store.StoreStatus;

/**
 * {@code perflink:run}: an operator runs a region's stage now — its route polls the host's stage-event feed at
 * once instead of at its next poll interval, handling every new event — through the {@link StageRunner} that
 * the stage routes provide. Recorded in the audit log with the stage's cursor before and after.
 * <p>
 * Re-checking given projects is not supported: the stages handle the host's events only (an event names its
 * projects, phase, year and as-of date), so a re-check needs an event PerfLink would make itself; the command
 * says so rather than pretend.
 */
public final class StageRun {

    public static final String RUN = "perflink:run";

    private final StageRunner runner;
    private final EventLedger ledger;
    private final StoreStatus store;
    private final AuditLog audit;
    private final Clock clock;

    /** {@code runner}: null when no stage routes run (the camel bundle is not active). */
    public StageRun(StageRunner runner, EventLedger ledger, StoreStatus store, AuditLog audit, Clock clock) {
        this.runner = runner;
        this.ledger = ledger;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a run did: whether the stage ran, its cursor before and after, the region's backlog after, the time it took. */
    public record Result(String regionCode, Stage stage, boolean ran, String cursorBefore, String cursorAfter,
            long backlog, Duration took) {
    }

    /**
     * Runs the stage now, in the caller's thread (returns when the feed is caught up), and audits it.
     *
     * @param regions the configured regions, to say why a stage did not run
     * @throws IllegalArgumentException for a bad region code or stage, or when projects are given
     * @throws IllegalStateException when no stage routes run at all
     */
    public String run(String actor, String regionArg, String stageArg, Collection<String> projects,
            Collection<RegionSettings> regions) {
        String region = regionArg == null ? "" : regionArg.strip();
        if (!RegionCode.valid(region)) {
            throw new IllegalArgumentException("区划代码须为6位数字 (region code must be 6 digits): '" + region + "'");
        }
        Stage stage = Stages.parse(stageArg);
        if (projects != null && !projects.isEmpty()) {
            throw new IllegalArgumentException("暂不支持按项目重新检查 (re-checking given projects is not supported yet): "
                    + "阶段只处理主机的阶段事件 (a stage handles the host's stage events only); 请让主机为这些项目发出事件, "
                    + "或运行整个阶段 (have the host emit an event for them, or run the whole stage): perflink:run "
                    + region + " " + stage.name().toLowerCase(java.util.Locale.ROOT));
        }
        Result r = runNow(actor, region, stage);
        if (!r.ran()) {
            return "未运行 (not run): 区划 (region) " + region + " " + stage.label() + " — " + whyNot(region, stage, regions)
                    + "\n";
        }
        String cursor = r.cursorBefore() == null && r.cursorAfter() == null ? "-"
                : (r.cursorBefore() == null ? "-" : r.cursorBefore()) + " → " + (r.cursorAfter() == null ? "-" : r.cursorAfter());
        return "已运行 (ran): 区划 (region) " + region + " " + stage.label() + "\n"
                + "  游标 (cursor): " + cursor + (java.util.Objects.equals(r.cursorBefore(), r.cursorAfter())
                        ? " (无新事件 no new event)" : "") + "\n"
                + "  用时 (took): " + r.took().toMillis() + " ms; 待送达 (backlog): " + r.backlog()
                + " (送达路由随后送达 the delivery route sends them next)\n";
    }

    /** The run itself: asks the stage routes to poll now and audits it when they did. */
    public Result runNow(String actor, String region, Stage stage) {
        if (runner == null) {
            throw new IllegalStateException("阶段路由未运行 (the stage routes are not running): "
                    + "org.perflink.camel 未启动 (is not active)");
        }
        String before = ledger.cursor(region, stage);
        Instant start = clock.instant();
        boolean ran = runner.runNow(region, stage);
        Duration took = Duration.between(start, clock.instant());
        if (!ran) {
            return new Result(region, stage, false, before, before, 0, took);
        }
        String after = ledger.cursor(region, stage);
        long backlog = store.status(region).backlog();
        audit.record(actor, RUN, region + "/" + stage.name(), "cursor=" + before, "cursor=" + after);
        return new Result(region, stage, true, before, after, backlog, took);
    }

    static String whyNot(String region, Stage stage, Collection<RegionSettings> regions) {
        Optional<RegionSettings> settings = (regions == null ? List.<RegionSettings>of() : regions).stream()
                .filter(s -> s.regionCode().equals(region)).findFirst();
        if (settings.isEmpty()) {
            return "区划未配置 (the region is not configured)";
        }
        if (!settings.get().enabled()) {
            return "区划已停用 (the region is DISABLED); 开启 (enable): perflink:enable " + region;
        }
        if (!settings.get().stages().contains(stage)) {
            return "该阶段已关闭 (the stage is switched off); 开启 (enable): perflink:enable " + region + " "
                    + stage.name().toLowerCase(java.util.Locale.ROOT);
        }
        return "该阶段路由尚未启动 (the stage's route has not started yet); 稍后重试 (try again in a moment)";
    }
}
