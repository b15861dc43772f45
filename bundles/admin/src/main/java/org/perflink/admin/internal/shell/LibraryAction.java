package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.internal.StageServices;
import org.perflink.api.stage.TargetCheck;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;
import org.perflink.reports.CheckInputException;

@Service
@Command(scope = "perflink", name = "library",
        description = "区划的指标库条目及其来源 (A region's indicator library entries for a function code, level by level, and the file each comes from)")
public class LibraryAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "functionCode", required = true, description = "功能分类科目 (function code), e.g. 2050202")
    String functionCode;

    @Argument(index = 2, name = "name", description = "只显示此指标 (only this indicator)")
    String name;

    @Reference
    RulePacks rulePacks;

    @Reference
    StageServices stages;

    @Override
    public Object execute() throws Exception {
        TargetCheck check = stages.targetCheck().orElseThrow(() -> new CheckInputException(
                "未安装编制阶段 (the compile stage is not installed): feature:install perflink-compile"));
        String code = RegionCode.require(region == null ? null : region.strip(), "region");
        if (functionCode == null || !functionCode.strip().matches("\\d{1,7}|COMMON")) {
            throw new CheckInputException("功能科目应为数字或 COMMON (functionCode must be digits or COMMON): " + functionCode);
        }
        System.out.print(check.describeLibrary(code, functionCode.strip(), name, rulePacks.effective(code)));
        return null;
    }
}
