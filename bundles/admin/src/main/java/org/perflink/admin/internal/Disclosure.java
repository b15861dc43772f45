package org.perflink.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.ResultKind;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.api.hook.StageContext;
import org.perflink.core.RulePacks;
import org.perflink.reports.OpenDataExport;
import org.perflink.store.PublicRecords;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/**
 * The open-data export of a region's year (rules.md §9), shared by {@code perflink:disclose} and the admin API: the
 * published targets the compile stage kept ({@link PublicRecords}) and the latest Score of each project
 * ({@link ResultLedger}), written by {@link OpenDataExport}. The region's rule pack says whether scores are public
 * ({@code disclose.scores}) and where the folder is ({@code disclose.exportDir}).
 */
public final class Disclosure {

    public static final Param SCORES = Param.of("disclose.scores", "true",
            "whether project scores are in the open-data export (rules.md §9)");
    public static final Param EXPORT_DIR = Param.of("disclose.exportDir", "${karaf.data}/disclosure",
            "folder of the open-data export: {exportDir}/{regionCode}/{year}/");
    /** The files an export can hold, as the API names them. */
    public static final List<String> FILES = List.of("manifest.json", "targets.jsonl", "targets.csv", "scores.jsonl",
            "scores.csv");

    private Disclosure() {
    }

    /** A budget year as typed: four digits. */
    public static int year(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("year 须为四位年度 (year must be a four-digit budget year): '" + t + "'");
        }
        int year = Integer.parseInt(t);
        if (year < 2000 || year > Year.now().getValue() + 2) {
            throw new IllegalArgumentException("year 超出范围 (year out of range): " + year);
        }
        return year;
    }

    /** What the export of a region's year is made of, read from the store now. */
    public static OpenDataExport.Input input(String region, int year, PublicRecords records, ResultLedger results,
            RulePacks packs) {
        RulePack pack = packs.effective(region);
        List<String> targets = new ArrayList<>();
        records.forEach(region, year, StageContext.PUBLIC_TARGET, r -> targets.add(r.body()));
        List<String> scores = new ArrayList<>();
        boolean includeScores = Boolean.parseBoolean(pack.string(SCORES).strip());
        if (includeScores) {
            for (StoredResult r : results.latestResults(region, ResultKind.SCORE, Integer.MAX_VALUE)) {
                scores.add(r.body());
            }
        }
        return new OpenDataExport.Input(region, year, pack.id(), targets, scores, includeScores);
    }

    /** The export's folder for a region's year: {@code disclose.exportDir} (or {@code dir}) / region / year. */
    public static Path folder(String region, int year, RulePacks packs, String dir) {
        String base = dir == null || dir.isBlank() ? packs.effective(region).string(EXPORT_DIR) : dir;
        return Path.of(org.perflink.core.SystemProperties.substitute(base)).resolve(region).resolve(String.valueOf(year));
    }

    /** Writes the export to its folder; returns the manifest's entries. */
    public static List<OpenDataExport.FileEntry> publish(OpenDataExport.Input in, Path folder) throws IOException {
        return OpenDataExport.write(in, folder);
    }

    /** One file of the export, made in memory; unknown names and files the pack leaves out are refused. */
    public static byte[] file(OpenDataExport.Input in, String name) {
        if (!FILES.contains(name)) {
            throw new IllegalArgumentException("未知公开文件 (unknown open-data file) '" + name + "': " + FILES);
        }
        Map<String, byte[]> files = OpenDataExport.render(in);
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new org.perflink.admin.api.NotFoundException("该区划不公开 (this region does not publish) " + name
                    + " (disclose.scores = false)");
        }
        return bytes;
    }

    /** The media type of an export file. */
    public static String mediaType(String name) {
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        }
        return name.endsWith(".jsonl") ? "application/jsonl; charset=utf-8" : "application/json; charset=utf-8";
    }
}
