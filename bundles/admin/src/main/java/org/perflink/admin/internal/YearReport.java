package org.perflink.admin.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.hook.StageContext;
import org.perflink.api.model.ResultKind;
import org.perflink.core.RegionCode;
import org.perflink.reports.Chart;
import org.perflink.reports.Progress;
import org.perflink.reports.SvgCharts;
import org.perflink.reports.YearCharts;
import org.perflink.reports.YearFigures;
import org.perflink.reports.YearTally;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * A region's year as figures ({@link YearFigures}) read from the store alone, shared by the admin API
 * ({@code GET regions/{code}/figures}, {@code charts/{chart}.svg}), {@code perflink:report} and the annual report: the
 * published targets the compile stage kept and the latest body of every result of every kind, counted by
 * {@link YearTally}. One step of {@link Progress} per kind read.
 */
public final class YearReport {

    /** The parts read, one progress step each: the published targets, then each result kind. */
    static final int STEPS = 1 + ResultKind.values().length;

    /** JSON of the figures: money, scores and ratios as decimal strings, as the host contract writes them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    private final ResultLedger results;
    private final PublicRecords records;

    /** {@code records} may be null (no open-data records here): then there are no published targets to count. */
    public YearReport(ResultLedger results, PublicRecords records) {
        this.results = results;
        this.records = records;
    }

    /**
     * The figures of a region's year, with the projects of {@code department} listed (null: none); {@code year}
     * null: the latest year of the region's results.
     */
    public YearFigures figures(String region, Integer year, String department, Progress progress) {
        String code = RegionCode.require(region, "region");
        int y = year != null ? year : latestYear(code);
        YearTally tally = new YearTally(code, y);
        progress.checkCancelled();
        if (records != null) {
            records.forEach(code, y, StageContext.PUBLIC_TARGET, r -> tally.target(r.body()));
        }
        int done = 1;
        progress.step(done, STEPS, "公开目标 (published targets)");
        for (ResultKind kind : ResultKind.values()) {
            progress.checkCancelled();
            for (StoredResult r : results.latestResults(code, kind, Integer.MAX_VALUE)) {
                tally.result(kind, r.body());
            }
            progress.step(++done, STEPS, ProjectTimeline.zh(kind) + " (" + kind.collection() + ")");
        }
        return tally.build(department == null || department.isBlank() ? null : department.strip());
    }

    /** The latest year of the region's verdicts, warnings and scores (0 when it has none). */
    int latestYear(String code) {
        int latest = 0;
        for (ResultKind kind : List.of(ResultKind.VERDICT, ResultKind.WARNING, ResultKind.SCORE)) {
            for (StoredResult r : results.latestResults(code, kind, Integer.MAX_VALUE)) {
                latest = Math.max(latest, yearOf(r));
            }
        }
        return latest;
    }

    /** The figures as the API answers them. */
    public static ObjectNode json(YearFigures figures) {
        ObjectNode out = JSON.valueToTree(figures);
        out.put("timeline", "/api/admin/v1/regions/" + figures.regionCode() + "/projects/{projectCode}/timeline");
        return out;
    }

    /** One chart of the year as a standalone SVG file. */
    public static byte[] svg(YearFigures figures, String chart) {
        Chart c = YearCharts.of(figures, chart);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgCharts.svg(c) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The budget year a result belongs to (an Adjustment's evaluated year), cheaply read from its body. */
    private static int yearOf(StoredResult r) {
        String field = r.kind() == ResultKind.ADJUSTMENT ? "\"evaluatedYear\":" : "\"year\":";
        String body = r.body();
        int at = body == null ? -1 : body.indexOf(field);
        if (at < 0) {
            return 0;
        }
        int i = at + field.length();
        while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '"')) {
            i++;
        }
        int start = i;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            i++;
        }
        return i > start && i - start <= 4 ? Integer.parseInt(body.substring(start, i)) : 0;
    }
}
