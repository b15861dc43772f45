package org.perflink.admin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.admin.api.AdminOperations;
import org.perflink.admin.api.AdminOperations.Download;
import org.perflink.admin.api.ExportProgress;
import org.perflink.reports.OpenDataExport;
import org.perflink.reports.Progress;
import org.perflink.reports.SheetTable;
import org.perflink.reports.Xlsx;

/**
 * The exports that take long at province scale (issue 15), made a part at a time so that the caller sees progress
 * and can cancel between parts: the whole list a table's filters select (latest results, dead letters, audit log,
 * ranking) as one xlsx (a page of the list's largest limit per part, at most {@value #MAX_ROWS} rows), the
 * open-data export's files as one zip (a file per part), and the annual report, HTML or PDF ({@link YearReport}: a
 * step per part read, chart drawn and file written).
 */
final class LongExports {

    /** The most rows one xlsx export holds: beyond, the search must be narrowed (a workbook is built in memory). */
    static final int MAX_ROWS = AdminJson.MAX_OFFSET;

    private LongExports() {
    }

    static Download export(AdminJson api, String export, String region, Map<String, String> query,
            ExportProgress progress) throws IOException {
        return switch (export == null ? "" : export) {
            case "results.xlsx" -> {
                resultQuery(query);
                yield sheet(ListSheets.resultSheet(), ListSheets::addResults, page -> api.results(region, page),
                        LatestResults.MAX_LIMIT, query, progress, "结果 results", region + "-results-all.xlsx");
            }
            case "dead-letters.xlsx" -> sheet(ListSheets.deadLetterSheet(), ListSheets::addDeadLetters,
                    page -> api.deadLetters(region, page), DeadLetterPages.MAX_LIMIT, query, progress,
                    "死信 dead letters", region + "-dead-letters.xlsx");
            case "audit.xlsx" -> sheet(ListSheets.auditSheet(), ListSheets::addAudit, api::audit, AuditPages.MAX_LIMIT,
                    query, progress, "审计记录 audit entries", "audit.xlsx");
            case "ranking.xlsx" -> sheet(ListSheets.rankingSheet(), ListSheets::addRanking,
                    page -> api.ranking(region, page), RankingPages.MAX_LIMIT, query, progress, "考核对象 assessed subjects",
                    region + "-ranking.xlsx");
            case "disclosure.zip" -> disclosure(api, region, query.get("year"), progress);
            case "report.html", "report.pdf" -> api.report(region, reportYear(query), YearReport.format(
                    export.substring("report.".length())), Progress.of(progress::step, progress::cancelled));
            default -> throw unknown(export);
        };
    }

    /**
     * The export's parameters that can be checked without reading the store, as {@link #export} checks them: the
     * years, that the annual report takes no other parameter, that the result export is not of one project, a
     * list's offset and limit (the lists' other parameters are checked by their first page).
     */
    static void check(String export, Map<String, String> query) {
        switch (export == null ? "" : export) {
            case "results.xlsx" -> {
                resultQuery(query);
                paging(query, LatestResults.MAX_LIMIT);
            }
            case "dead-letters.xlsx" -> paging(query, DeadLetterPages.MAX_LIMIT);
            case "audit.xlsx" -> paging(query, AuditPages.MAX_LIMIT);
            case "ranking.xlsx" -> paging(query, RankingPages.MAX_LIMIT);
            case "disclosure.zip" -> {
                try {
                    Disclosure.year(query.get("year"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("query." + e.getMessage(), e);
                }
            }
            case "report.html", "report.pdf" -> reportYear(query);
            default -> throw unknown(export);
        }
    }

    private static IllegalArgumentException unknown(String export) {
        return new IllegalArgumentException("未知导出 (unknown export) '" + export + "': "
                + String.join(" | ", AdminOperations.EXPORTS));
    }

    /** The annual report's {@code query}: its {@code year} alone (absent: the latest). */
    private static Integer reportYear(Map<String, String> query) {
        for (String key : query.keySet()) {
            if (!key.equals("year")) {
                throw new IllegalArgumentException("query." + key + ": 年度报告只接受 year 参数 (the annual report takes only"
                        + " query.year)");
            }
        }
        return YearReport.year("query.year", query.get("year"));
    }

    private static void resultQuery(Map<String, String> query) {
        if (query.containsKey("project")) {
            throw new IllegalArgumentException("project: 一个项目的结果请用 results.xlsx 下载 (one project's results: use the"
                    + " results.xlsx download)");
        }
    }

    /** A page's offset and limit do not apply to the whole list, but a wrong one is still named. */
    private static void paging(Map<String, String> query, int pageSize) {
        AdminJson.number("offset", query.get("offset"), 0, 0, AdminJson.MAX_OFFSET);
        AdminJson.number("limit", query.get("limit"), pageSize, 1, pageSize);
    }

    /** Adds the items of one answer to a sheet; returns how many. */
    @FunctionalInterface
    private interface Rows {
        int add(SheetTable.Builder sheet, ObjectNode answer);
    }

    /**
     * A list's every page as one sheet: the query's filters and sort, pages of {@code pageSize} from the start, until
     * an answer says no more follow ({@code hasMore}); more than {@value #MAX_ROWS} rows must be narrowed first. The
     * query's own {@code offset} and {@code limit} are checked as the list checks them, and then not used.
     */
    private static Download sheet(SheetTable.Builder sheet, Rows rows, Function<Map<String, String>, ObjectNode> list,
            int pageSize, Map<String, String> query, ExportProgress progress, String what, String file)
            throws IOException {
        paging(query, pageSize);
        long read = 0;
        boolean more = true;
        while (more) {
            progress.checkCancelled();
            Map<String, String> page = new HashMap<>(query);
            page.put("offset", String.valueOf(read));
            page.put("limit", String.valueOf(pageSize));
            ObjectNode answer = list.apply(page);
            read += rows.add(sheet, answer);
            more = answer.path("hasMore").asBoolean();
            if (more && read >= MAX_ROWS) {
                throw new IllegalArgumentException("超过 " + MAX_ROWS + " 条，请缩小搜索范围 (more than " + MAX_ROWS
                        + " rows: narrow the search)");
            }
            // the total is known on the last page (results) or on each (the other lists)
            long total = answer.path("total").isNumber() ? answer.path("total").asLong() : read + (more ? pageSize : 0);
            progress.step(read, Math.max(read, total), "已读取 " + read + " 条" + what.split(" ", 2)[0] + " (" + read + " "
                    + what.split(" ", 2)[1] + " read)");
        }
        progress.checkCancelled();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(List.of(sheet.build()), out);
        return new Download(file, Xlsx.MEDIA_TYPE, out.toByteArray());
    }

    private static Download disclosure(AdminJson api, String region, String year, ExportProgress progress)
            throws IOException {
        int y = Disclosure.year(year);
        int parts = Disclosure.FILES.size() + 1;
        Map<String, byte[]> files = OpenDataExport.render(api.disclosureInput(region, y));
        progress.step(1, parts, "已读取公开数据 (open data read)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int done = 1;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : Disclosure.FILES) {
                progress.checkCancelled();
                byte[] content = files.get(file); // absent: a file the region's pack leaves out (scores not public)
                if (content != null) {
                    zip.putNextEntry(new ZipEntry(region + "/" + y + "/" + file));
                    zip.write(content);
                    zip.closeEntry();
                }
                progress.step(++done, parts, file);
            }
        }
        return new Download(region + "-" + y + "-disclosure.zip", "application/zip", bytes.toByteArray());
    }
}
