package org.perflink.admin.internal.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.admin.internal.SimulateCommand;
import org.perflink.admin.internal.StageServices;
import org.perflink.admin.internal.WorkDirectory;
import org.perflink.api.hook.ResultHistories;
import org.perflink.api.host.HostGateway;
import org.perflink.api.model.Stage;
import org.perflink.api.stage.LinkSimulation;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.reports.CheckInputException;
import org.perflink.reports.HostSimulation;

@Service
@Command(scope = "perflink", name = "simulate",
        description = "测算：候选规则包对评价、挂钩与通知的影响，不回写主机 (What-if simulation: a candidate rule pack's effect on scores, adjustments and notices; nothing is written back)")
public class SimulateAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "year", required = true, description = "评价年度 (evaluated year), e.g. 2027")
    String year;

    @Argument(index = 2, name = "rulepack", required = true,
            description = "工作目录中的候选规则包文件 (candidate rule pack file in the work directory, .cfg/.properties: name, version, overrides), 叠加于区划当前规则包之上 (laid over the region's current pack)")
    String rulePackFile;

    @Option(name = "--csv", aliases = "-c",
            description = "另写新的 CSV 文件于工作目录 (also write a new CSV file in the work directory, UTF-8 with BOM; must end in .csv, never overwritten; a name ending in .xlsx writes an Excel workbook instead)")
    String csv;

    @Reference
    RulePacks rulePacks;

    @Reference
    List<RegionSettings> regions;

    /** The engine's result histories (the year's RED warnings); absent without the engine. */
    @Reference(optional = true)
    ResultHistories histories;

    @Reference
    StageServices stages;

    @Reference
    ConfigurationAdmin configAdmin;

    @Override
    public Object execute() throws Exception {
        LinkSimulation simulation = stages.linkSimulation().orElse(null);
        RuleCatalog catalog = stages.catalog(Stage.CLOSE).orElse(null);
        if (simulation == null || catalog == null) {
            throw new CheckInputException("未安装决算阶段 (the close stage is not installed): feature:install perflink-close");
        }
        Map<HostGateway, Map<String, ?>> gateways = stages.hostGateways();
        if (gateways.isEmpty()) {
            throw new CheckInputException("未安装主机接口 (no host gateway is installed): feature:install perflink-host-http");
        }
        WorkDirectory work = WorkDirectory.of(configAdmin);
        System.out.print(SimulateCommand.run(region, year, work.input("rulepack", rulePackFile),
                csv == null ? null : work.output("--csv", csv), new HostSimulation.CloseStage(simulation, catalog),
                gateways, regions, rulePacks, histories));
        return null;
    }
}
