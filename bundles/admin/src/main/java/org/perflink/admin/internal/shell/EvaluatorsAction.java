package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.internal.EvaluatorGrades;
import org.perflink.store.ResultLedger;

@Service
@Command(scope = "perflink", name = "evaluators",
        description = "第三方评价机构年度质量等级 (The third-party institutions' annual quality grades of a region: "
                + "reports, conflicts, deviations, late and unscored reports, points and grade)")
public class EvaluatorsAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "year", description = "评价年度 (evaluated year); 省略则全部年度 (none: every year)")
    String year;

    @Reference
    ResultLedger store;

    @Override
    public Object execute() {
        EvaluatorGrades.Query q = EvaluatorGrades.query(region, year);
        System.out.print(EvaluatorGrades.render(q, EvaluatorGrades.find(store, q)));
        return null;
    }
}
