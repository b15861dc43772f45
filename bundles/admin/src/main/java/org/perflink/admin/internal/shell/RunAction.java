package org.perflink.admin.internal.shell;

import java.time.Clock;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.perflink.admin.internal.StageRun;
import org.perflink.core.RegionSettings;
import org.perflink.core.StageRunner;
import org.perflink.store.AuditLog;
import org.perflink.store.EventLedger;
import org.perflink.store.StoreStatus;

@Service
@Command(scope = "perflink", name = "run",
        description = "立即运行区划的阶段 (Run a region's stage now: poll the host's stage events at once, not at the "
                + "next poll interval); 记入审计 (audited)")
public class RunAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "stage", required = true, description = "阶段 (stage): compile execute close (编制 执行 决算)")
    @Completion(StageCompleter.class)
    String stage;

    @Argument(index = 2, name = "projects", multiValued = true,
            description = "项目代码 (project codes): 按项目重新检查，暂不支持 (re-checking given projects: not supported yet)")
    List<String> projects;

    /** Provided by the stage routes (bundle org.perflink.camel); absent while they do not run. */
    @Reference(optional = true)
    StageRunner runner;

    @Reference
    StoreStatus store;

    @Reference
    EventLedger ledger;

    @Reference
    AuditLog audit;

    @Reference
    List<RegionSettings> regions;

    @Reference
    Session session;

    @Override
    public Object execute() {
        System.out.print(new StageRun(runner, ledger, store, audit, Clock.systemUTC()).run(ShellActor.of(session), region, stage,
                projects, regions));
        return null;
    }
}
