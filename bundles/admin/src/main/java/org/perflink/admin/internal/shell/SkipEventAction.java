package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.perflink.admin.internal.Stages;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionCode;
import org.perflink.core.StageRunner;
import org.perflink.store.AuditLog;
import org.perflink.store.EventLedger;

@Service
@Command(scope = "perflink", name = "skip-event",
        description = "跳过阶段无法处理的事件 (Skip the event a region's stage is stuck on: the one perflink:regions and "
                + "status.json show as stuckEvent, which fails again and again in PerfLink itself, e.g. it can never be "
                + "stored); 其结果不会写回 (its results are not written); 记入审计 (audited)")
public class SkipEventAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "stage", required = true, description = "阶段 (stage): compile execute close (编制 执行 决算)")
    @Completion(StageCompleter.class)
    String stage;

    /** Provided by the stage routes (bundle org.perflink.camel); absent while they do not run. */
    @Reference(optional = true)
    StageRunner runner;

    @Reference
    EventLedger ledger;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        String code = region == null ? "" : region.strip();
        if (!RegionCode.valid(code)) {
            throw new IllegalArgumentException("区划代码须为6位数字 (region code must be 6 digits): '" + code + "'");
        }
        Stage s = Stages.parse(stage);
        if (runner == null) {
            throw new IllegalStateException("阶段路由未运行 (the stage routes are not running): feature:install perflink-camel");
        }
        String cursorBefore = ledger.cursor(code, s);
        String skipped = runner.skipEvent(code, s);
        if (skipped == null) {
            System.out.println("无卡住的事件 (no stuck event): 区划 (region) " + code + " " + s.label()
                    + " — 未跳过任何事件 (nothing skipped)");
            return null;
        }
        audit.record(ShellActor.of(session), "perflink:skip-event", code + "/" + s.name(), "cursor=" + cursorBefore,
                "cursor=" + ledger.cursor(code, s) + " skipped=" + skipped);
        System.out.println("已跳过 (skipped): 区划 (region) " + code + " " + s.label() + " 事件 (event) " + skipped
                + "; 游标 (cursor) " + (cursorBefore == null ? "-" : cursorBefore) + " → " + ledger.cursor(code, s));
        return null;
    }
}
