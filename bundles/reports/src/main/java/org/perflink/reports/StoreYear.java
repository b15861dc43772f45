package org.perflink.reports;

import java.util.List;

import org.perflink.api.hook.StageContext;
import org.perflink.api.model.ResultKind;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * A region's year read from PerfLink's store alone into {@link YearFigures}: the published targets the compile stage
 * kept ({@link PublicRecords}) and the latest body of every result of every kind ({@link ResultLedger}), counted by
 * {@link YearTally}, one {@link Progress} step per part read. Shared by the admin API, {@code perflink:report} and
 * {@code ./perflink report}.
 */
public final class StoreYear {

    /**
     * One progress step for the year (the latest of the region's results when none is asked: a read of them all), one
     * per part read (the published targets, then each result kind), one for the figures counted.
     */
    public static final int STEPS = 1 + 1 + ResultKind.values().length + 1;

    private final ResultLedger results;
    private final PublicRecords records;

    /** {@code records} may be null (no open-data records here): then there are no published targets to count. */
    public StoreYear(ResultLedger results, PublicRecords records) {
        this.results = results;
        this.records = records;
    }

    /**
     * The figures of a region's year, with the projects of {@code department} listed (null: none); {@code year}
     * null: the latest year of the region's results.
     *
     * @throws Progress.Cancelled when the progress says so between two parts
     */
    public YearFigures figures(String region, Integer year, String department, Progress progress) {
        progress.checkCancelled();
        int y = year != null ? year : latestYear(region);
        progress.step(1, STEPS, (year != null ? "年度 " : "最新年度 ") + y + (year != null ? " (year " : " (latest year ")
                + y + ")");
        YearTally tally = new YearTally(region, y);
        progress.checkCancelled();
        if (records != null) {
            records.forEach(region, y, StageContext.PUBLIC_TARGET, r -> tally.target(r.body()));
        }
        int done = 2;
        progress.step(done, STEPS, "已读取公开目标 (published targets read)");
        for (ResultKind kind : ResultKind.values()) {
            progress.checkCancelled();
            for (StoredResult r : results.latestResults(region, kind, Integer.MAX_VALUE)) {
                tally.result(kind, r.body());
            }
            progress.step(++done, STEPS, "已读取" + Labels.zh(kind.batchName()) + " (" + kind.collection() + " read)");
        }
        progress.checkCancelled();
        YearFigures figures = tally.build(department == null || department.isBlank() ? null : department.strip());
        progress.step(STEPS, STEPS, "数字已汇总 (figures counted)");
        return figures;
    }

    /** The latest year of the region's verdicts, warnings and scores (0 when it has none). */
    public int latestYear(String region) {
        int latest = 0;
        for (ResultKind kind : List.of(ResultKind.VERDICT, ResultKind.WARNING, ResultKind.SCORE)) {
            for (StoredResult r : results.latestResults(region, kind, Integer.MAX_VALUE)) {
                latest = Math.max(latest, yearOf(r.body()));
            }
        }
        return latest;
    }

    /** The {@code year} of a result body, cheaply read without parsing it (0 when absent). */
    static int yearOf(String body) {
        String field = "\"year\":";
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
