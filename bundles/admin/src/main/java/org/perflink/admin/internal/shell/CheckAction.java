package org.perflink.admin.internal.shell;

import java.time.OffsetDateTime;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.admin.internal.StageServices;
import org.perflink.admin.internal.WorkDirectory;
import org.perflink.api.host.ContractCodec;
import org.perflink.api.stage.TargetCheck;
import org.perflink.core.RulePacks;
import org.perflink.reports.CheckInputException;
import org.perflink.reports.ProjectCheck;

@Service
@Command(scope = "perflink", name = "check",
        description = "干运行：检查一个项目 JSON 文件，无需主机 (Dry run: check one project JSON file without a host)")
public class CheckAction implements Action {

    @Argument(index = 0, name = "file", required = true,
            description = "工作目录中的项目 JSON 文件 (project JSON file in the work directory, default ${karaf.data}/perflink/work; host contract v1)")
    String file;

    @Option(name = "--phase", aliases = "-p",
            description = "阶段 (phase) LIBRARY|DECLARED|REVIEWED|APPROVED|PUBLISHED|ADJUST; 默认项目的 budgetPhase (default: the project's budgetPhase, else DECLARED)")
    @Completion(PhaseCompleter.class)
    String phase;

    @Option(name = "--region", aliases = "-r", description = "按此区划的规则包 (use this region's rule pack); 默认项目的 regionCode (default: the project's)")
    @Completion(RegionCompleter.class)
    String region;

    @Option(name = "--json", aliases = "-j", description = "输出结论 JSON (print the verdict as JSON)")
    boolean json;

    @Reference
    RulePacks rulePacks;

    @Reference
    StageServices stages;

    @Reference
    ConfigurationAdmin configAdmin;

    @Override
    public Object execute() throws Exception {
        TargetCheck check = stages.targetCheck().orElseThrow(() -> new CheckInputException(
                "未安装编制阶段 (the compile stage is not installed): feature:install perflink-compile"));
        ContractCodec codec = stages.contractCodec().orElseThrow(() -> new CheckInputException(
                "未安装主机接口包，无主机契约 JSON 映射 (the host-HTTP bundle with the host contract's JSON mapper is not installed): feature:install perflink-host-http"));
        WorkDirectory work = WorkDirectory.of(configAdmin);
        // the check service reads the indicator library the compile hook is configured with
        System.out.print(ProjectCheck.run(codec, check, work.input("file", file), phase, region, json, rulePacks,
                OffsetDateTime.now()));
        return null;
    }
}
