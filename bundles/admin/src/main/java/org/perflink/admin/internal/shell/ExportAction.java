package org.perflink.admin.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.api.AdminOperations;
import org.perflink.core.RegionCode;

/**
 * A long export from the shell (issue 15), as the admin page's background jobs make it: progress printed as it goes,
 * and Ctrl-C (Karaf interrupts the command's thread) stops it at its next part, writing nothing.
 */
@Service
@Command(scope = "perflink", name = "export",
        description = "长时间导出 (A long export with progress, Ctrl-C to cancel): results.xlsx (every result a search "
                + "finds), disclosure.zip (the open-data export of --year) or report.html|report.pdf (the annual report of "
                + "--year, as perflink:report)")
public class ExportAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "export", required = true, description = "results.xlsx | disclosure.zip | report.html | report.pdf")
    String export;

    @Argument(index = 2, name = "file", required = true, description = "写入的文件 (the file to write)")
    String file;

    @Option(name = "--kind", description = "结果类型 (result kind): verdict|warning|score|adjustment|notice")
    @Completion(ResultKindCompleter.class)
    String kind;

    @Option(name = "--state", description = "送达状态 (delivery state): PENDING|DELIVERED|DEAD")
    String state;

    @Option(name = "--outcome", description = "结论、级别、等级、动作或通知类型 (outcome, level, grade, action, notice type)")
    String outcome;

    @Option(name = "--department", description = "部门代码 (department code)")
    String department;

    @Option(name = "--rule", description = "规则编号 (rule id)")
    String rule;

    @Option(name = "--q", description = "项目或部门代码的开头 (start of a project or department code)")
    String q;

    @Option(name = "--year", description = "预算年度 (budget year), for disclosure.zip and report.*")
    String year;

    @Reference
    AdminOperations operations;

    @Override
    public Object execute() throws Exception {
        String code = RegionCode.require(region == null ? null : region.strip(), "region");
        Map<String, String> query = new HashMap<>();
        String[][] given = {{"kind", kind}, {"state", state}, {"outcome", outcome}, {"department", department},
            {"rule", rule}, {"q", q}, {"year", year}};
        for (String[] g : given) {
            if (g[1] != null) {
                query.put(g[0], g[1]);
            }
        }
        ShellProgress progress = new ShellProgress(System.out);
        AdminOperations.Download d;
        try {
            d = operations.export(export, code, query, progress);
        } catch (CancellationException e) {
            System.out.println();
            System.out.println("已取消，未写文件 (cancelled, nothing written)");
            return null;
        }
        Path target = Path.of(file);
        Files.write(target, d.bytes());
        System.out.println();
        System.out.println("已写入 (written) " + target.toAbsolutePath() + " (" + d.bytes().length + " 字节 bytes)");
        return null;
    }
}
