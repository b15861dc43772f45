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
import org.perflink.admin.internal.Disclosure;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;
import org.perflink.reports.OpenDataExport;
import org.perflink.reports.TextTable;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;

@Service
@Command(scope = "perflink", name = "disclose",
        description = "绩效信息公开数据导出 (The open-data export of a region's year, rules.md §9: targets, scores and "
                + "the kinds the rule pack opts into as JSON Lines and CSV with a manifest, into "
                + "{disclose.exportDir}/{region}/{year}/, now; PerfLink also writes it after each PUBLISHED, ADJUST, "
                + "EVALUATE and LINK event)")
public class DiscloseAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "year", required = true, description = "预算年度 (budget year)")
    String year;

    @Option(name = "--dir", description = "导出目录 (export folder) instead of the rule pack's disclose.exportDir")
    String dir;

    @Reference
    PublicRecords records;

    @Reference
    ResultLedger results;

    @Reference
    RulePacks rulePacks;

    @Override
    public Object execute() throws Exception {
        String code = RegionCode.require(region == null ? null : region.strip(), "region");
        int y = Disclosure.year(year);
        Path folder = Disclosure.folder(code, y, rulePacks, dir);
        List<OpenDataExport.FileEntry> files = Disclosure.publish(Disclosure.input(code, y, records, results, rulePacks), folder);
        TextTable table = TextTable.of("文件 file", "行数 rows", "字节 bytes", "SHA-256").alignRight(1, 2);
        for (OpenDataExport.FileEntry f : files) {
            table.row(f.name(), String.valueOf(f.rows()), String.valueOf(f.bytes()), f.sha256());
        }
        System.out.println("已导出 (exported) " + folder + " + manifest.json");
        System.out.print(table.render());
        return null;
    }
}
