package org.perflink.admin.internal.shell;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.admin.internal.LatestResults;
import org.perflink.admin.internal.NoticeHistory;
import org.perflink.admin.internal.NoticeHistoryText;
import org.perflink.admin.internal.ResultsText;
import org.perflink.store.ResultLedger;

@Service
@Command(scope = "perflink", name = "results",
        description = "最新结果及其发现与说明 (The latest results of a region, or a project's year: verdicts, warnings, "
                + "scores, adjustments, notices with their findings and explanations)")
public class ResultsAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "project", description = "项目代码 (project code); 省略则区划的最新结果 (none: the region's latest results)")
    String project;

    @Option(name = "--kind", aliases = "-k",
            description = "结果类型 (result kind): verdict|warning|score|adjustment|notice; 省略则全部 (none: every kind)")
    @Completion(ResultKindCompleter.class)
    String kind;

    @Option(name = "--limit", aliases = "-n",
            description = "最多条数 (at most this many results; of each kind for a project), 1-" + LatestResults.MAX_LIMIT
                    + ", 默认 (default) " + LatestResults.DEFAULT_LIMIT)
    String limit;

    @Option(name = "--department", aliases = "-d",
            description = "部门或下级地区代码：显示其问责通知跟踪（案件、步骤、期限、状态）(a department or lower region: its notice history)")
    String department;

    @Reference
    ResultLedger store;

    @Override
    public Object execute() {
        if (department != null) {
            String subject = NoticeHistory.requireSubject(department);
            System.out.print(NoticeHistoryText.render(region, subject,
                    NoticeHistory.of(store, new ObjectMapper(), region, subject)));
            return null;
        }
        LatestResults.Query q = LatestResults.query(region, project, kind, limit);
        System.out.print(ResultsText.render(q, LatestResults.find(store, q), ZoneId.systemDefault()));
        return null;
    }
}
