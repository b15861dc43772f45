package org.perflink.admin.internal.shell;

import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.perflink.admin.internal.SimulateCommand;
import org.perflink.admin.internal.StageCatalogs;
import org.perflink.admin.report.CheckInputException;
import org.perflink.core.HostSettings;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.ResultLedger;

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
            description = "候选规则包文件 (candidate rule pack file, .cfg/.properties: name, version, overrides), 叠加于区划当前规则包之上 (laid over the region's current pack)")
    @Completion(FileCompleter.class)
    String rulePackFile;

    @Option(name = "--csv", aliases = "-c", description = "另写 CSV 文件 (also write a CSV file, UTF-8 with BOM; must end in .csv)")
    @Completion(FileCompleter.class)
    String csv;

    @Reference
    HostSettings hostSettings;

    @Reference
    RulePacks rulePacks;

    @Reference
    List<RegionSettings> regions;

    @Reference
    ResultLedger store;

    @Override
    public Object execute() throws Exception {
        if (!StageCatalogs.closeInstalled()) {
            throw new CheckInputException("未安装决算阶段 (the close stage is not installed): feature:install perflink-close");
        }
        if (!StageCatalogs.hostGatewayInstalled()) {
            throw new CheckInputException("未安装 camel 包，无主机接口 (the camel bundle with the host gateway is not installed): feature:install perflink-camel-core");
        }
        System.out.print(SimulateCommand.run(region, year, Path.of(rulePackFile), csv == null ? null : Path.of(csv),
                hostSettings, regions, rulePacks, store));
        return null;
    }
}
