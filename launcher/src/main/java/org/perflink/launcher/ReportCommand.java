package org.perflink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.h2.jdbcx.JdbcDataSource;
import org.perflink.core.RegionCode;
import org.perflink.reports.HtmlReport;
import org.perflink.reports.PdfReport;
import org.perflink.reports.Progress;
import org.perflink.reports.ReportFont;
import org.perflink.reports.ReportSections;
import org.perflink.reports.StoreYear;
import org.perflink.reports.YearFigures;
import org.perflink.store.StoreException;
import org.perflink.store.internal.JdbcStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./perflink report REGION YEAR [--format html|pdf] [--out FILE] [--data DIR] [--font FILE]}: the annual report
 * of a region's year, read in this JVM from the embedded H2 store of the (stopped) instance in DIR, as
 * {@code perflink:report} makes it inside Karaf. A running instance holds its store: then the command says to stop it
 * or to use {@code perflink:report} or the admin page's download.
 */
@Command(name = "report", description = {
    "地区年度预算绩效报告（HTML 或 PDF），读取 DIR 中已停止实例的存储。",
    "The annual report of a region's year (HTML or PDF) from the store of the stopped instance in DIR."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REGION", description = "区划代码 (region code)")
    String region;

    @Parameters(index = "1", paramLabel = "YEAR", description = "预算年度 (budget year)")
    int year;

    @Option(names = "--format", paramLabel = "html|pdf", defaultValue = "html", description = "html（默认）或 pdf")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "输出文件 (output file); 默认 {region}-{year}-report.{html|pdf}")
    String out;

    @Option(names = "--data", paramLabel = "DIR", description = "实例目录 (instance directory)")
    String data;

    @Option(names = "--font", paramLabel = "FILE", description = "PDF 的中文字体 (the PDF's CJK .ttf/.ttc font)")
    String font;

    private final Path projectHome;
    private final PrintStream stdout;
    private final PrintStream err;

    ReportCommand(Path projectHome, PrintStream stdout, PrintStream err) {
        this.projectHome = projectHome;
        this.stdout = stdout;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        String code = region == null ? "" : region.strip();
        if (!RegionCode.valid(code)) {
            throw new Main.UsageException(RegionCode.MUST_BE);
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("html") && !f.equals("pdf")) {
            throw new Main.UsageException("--format 须为 html 或 pdf (must be html or pdf), got '" + format + "'");
        }
        Path home = Main.dataDir(projectHome, data);
        Path file = home.resolve("data/perflink/store");
        if (!Files.isRegularFile(home.resolve("data/perflink/store.mv.db"))) {
            err.println("实例目录中没有存储 (no PerfLink store in the instance): " + file + ".mv.db");
            return 3;
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(JdbcStore.h2FileUrl(file) + ";IFEXISTS=TRUE");
        YearFigures figures;
        // one count from the first part read to the file written, as perflink:report and the admin page's job show it
        Progress.Parts parts = new Progress.Parts((done, total, what) -> stdout.println("[" + done + "/" + total + "] " + what),
                StoreYear.STEPS, ReportSections.STEPS);
        try {
            JdbcStore store = JdbcStore.open(ds, Clock.systemUTC());
            figures = new StoreYear(store.resultLedger(), store.publicRecords()).figures(code, year, null, parts.next());
        } catch (StoreException e) {
            err.println("存储无法打开 (the store cannot be opened): " + e.getMessage()
                    + "\n实例正在运行时请先停止 (./perflink stop --data DIR)，或在其中用 perflink:report、管理页面下载报告"
                    + " (a running instance holds its store: stop it, or use perflink:report or the admin page's download)");
            return 3;
        } finally {
            shutdown(ds);
        }
        byte[] bytes;
        try {
            bytes = f.equals("pdf") ? PdfReport.render(figures, regionName(home, code), ReportFont.find(font), parts.next())
                    : HtmlReport.bytes(figures, regionName(home, code), parts.next());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        Path target = Path.of(out != null && !out.isBlank() ? out.strip() : code + "-" + year + "-report." + f).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        stdout.println("已生成报告 (report written): " + target + " (" + bytes.length + " bytes)");
        return 0;
    }

    /** Closes the embedded database (the store keeps it open between connections). */
    private static void shutdown(JdbcDataSource ds) {
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // not opened: nothing to close
        }
    }

    /** The region's name from its configuration in {@code etc/} ({@code name}), or null. */
    static String regionName(Path home, String code) throws IOException {
        Path etc = home.resolve("etc");
        if (!Files.isDirectory(etc)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(etc, "org.perflink.region-*.cfg")) {
            for (Path p : files) {
                Properties props = new Properties();
                try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
                if (code.equals(props.getProperty("regionCode", "").strip())) {
                    String name = props.getProperty("name");
                    return name == null || name.isBlank() ? null : name.strip();
                }
            }
        }
        return null;
    }
}
