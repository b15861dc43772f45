package org.perflink.admin.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.internal.Disclosure;
import org.perflink.admin.internal.YearReport;
import org.perflink.core.RegionCode;
import org.perflink.core.RegionKeys;
import org.perflink.core.RegionSettings;
import org.perflink.reports.Progress;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;

@Service
@Command(scope = "perflink", name = "report",
        description = "地区年度预算绩效报告 (The annual report of a region's year from PerfLink's store: HTML with SVG charts, "
                + "or PDF; the year in numbers, grades, warnings, linkage, composites, notices, ranking)")
public class ReportAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "year", required = true, description = "预算年度 (budget year)")
    String year;

    @Option(name = "--format", description = "html（默认）或 pdf (html, the default, or pdf)")
    @Completion(value = StringsCompleter.class, values = {"html", "pdf"})
    String format;

    @Option(name = "--out", description = "输出文件 (output file); 默认 (default) ${karaf.data}/reports/{region}-{year}-report.{html|pdf}")
    String out;

    @Option(name = "--font", description = "PDF 所用中文字体文件 (the CJK .ttf/.ttc font of the PDF); 默认查找 fonts-wqy-microhei 等 "
            + "(default: perflink.report.font, then the Debian fonts, docs/reports.md)")
    String font;

    @Reference
    PublicRecords records;

    @Reference
    ResultLedger results;

    @Reference
    BundleContext bundleContext;

    @Override
    public Object execute() throws Exception {
        String code = RegionCode.require(region == null ? null : region.strip(), "region");
        int y = Disclosure.year(year);
        YearReport.Format f = YearReport.format(format);
        // Ctrl-C interrupts the command's thread: the report stops between two parts and writes nothing
        Progress progress = Progress.of((done, total, what) -> System.out.println("[" + done + "/" + total + "] " + what),
                () -> Thread.currentThread().isInterrupted());
        AdminOperations.Download d = new YearReport(results, records).report(code, y, f, regionName(code), font, progress);
        Path file = out != null && !out.isBlank() ? Path.of(out.strip())
                : Path.of(System.getProperty("karaf.data", "data"), "reports", d.fileName());
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.write(tmp, d.bytes());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("已生成报告 (report written): " + file.toAbsolutePath() + " (" + d.bytes().length + " bytes)");
        return null;
    }

    /** The configured region's name, or null. */
    private String regionName(String code) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = bundleContext.getServiceReferences(RegionSettings.class.getName(),
                "(" + RegionKeys.REGION_CODE + "=" + code + ")");
        if (refs == null) {
            return null;
        }
        Object settings = bundleContext.getService(refs[0]);
        try {
            return settings instanceof RegionSettings s ? s.name() : null;
        } finally {
            bundleContext.ungetService(refs[0]);
        }
    }
}
