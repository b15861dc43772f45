package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.internal.AssessmentTable;
import org.perflink.core.RegionCode;
import org.perflink.store.ResultLedger;

@Service
@Command(scope = "perflink", name = "ranking",
        description = "预算绩效管理工作考核排名及表扬/批评名单 (The work assessment ranking of a region's departments and "
                + "lower regions, with each part's points and the records behind them, and the praise/criticism lists)")
public class RankingAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "year", description = "考核年度 (assessed year); 省略则最近一年 (none: the latest assessed)")
    Integer year;

    @Reference
    ResultLedger store;

    @Override
    public Object execute() {
        String r = region == null ? "" : region.strip();
        if (!RegionCode.valid(r)) {
            throw new IllegalArgumentException(RegionCode.MUST_BE);
        }
        System.out.print(AssessmentTable.text(r, AssessmentTable.find(store, r, year)));
        return null;
    }
}
