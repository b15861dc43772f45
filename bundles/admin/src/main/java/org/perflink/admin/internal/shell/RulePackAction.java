package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.internal.RulePackReport;
import org.perflink.admin.internal.StageServices;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;

@Service
@Command(scope = "perflink", name = "rule-pack",
        description = "区划的有效规则包 (A region's effective rule pack: every parameter of every installed stage with its value and source)")
public class RulePackAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Option(name = "--diff", aliases = "-d", description = "只显示与上级区划不同之处 (only what differs from the parent region)")
    boolean diff;

    @Reference
    RulePacks rulePacks;

    @Reference
    StageServices stages;

    @Override
    public Object execute() {
        String code = RegionCode.require(region == null ? null : region.strip(), "region");
        System.out.print(diff ? RulePackReport.diff(code, rulePacks)
                : RulePackReport.full(code, rulePacks, stages.installed(), stages.missing()));
        return null;
    }
}
