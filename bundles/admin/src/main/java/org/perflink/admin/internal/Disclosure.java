package org.perflink.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * ({@link ResultLedger}) with its public report's address (the close stage's report record), and the kinds the
 * region's rule pack opts into, written by {@link OpenDataExport}. The rule pack says whether scores are public
 * ({@code disclose.scores}), which other kinds are ({@code disclose.adjustments}, {@code .composites},
 * {@code .assessments}) and where the folder is ({@code disclose.exportDir}).
 */
public final class Disclosure {

    public static final Param SCORES = Param.of("disclose.scores", "true",
            "whether project scores are in the open-data export (rules.md §9)");
    public static final Param ADJUSTMENTS = Param.of("disclose.adjustments", "false",
            "(P) whether the year's Adjustments are in the open-data export (rules.md §9; internal by default)");
    public static final Param COMPOSITES = Param.of("disclose.composites", "false",
            "(P) whether the composites (department, policy, transfer, lower region) are in the open-data export");
    public static final Param ASSESSMENTS = Param.of("disclose.assessments", "false",
            "(P) whether the work assessments (departments, lower regions) are in the open-data export");
    public static final Param EXPORT_DIR = Param.of("disclose.exportDir", "${karaf.data}/perflink/disclosure",
            "folder of the open-data export: {exportDir}/{regionCode}/{year}/ (empty: none written)");
    /** The rule-pack parameters of the export (the compile stage reads {@code disclose.days}). */
    public static final List<Param> PARAMETERS = List.of(SCORES, ADJUSTMENTS, COMPOSITES, ASSESSMENTS, EXPORT_DIR);
    /** The files an export can hold, as the API names them. */
    public static final List<String> FILES = List.of("manifest.json", "targets.jsonl", "targets.csv", "scores.jsonl",
            "scores.csv", "adjustments.jsonl", "adjustments.csv", "composites.jsonl", "composites.csv",
            "assessments.jsonl", "assessments.csv");

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
        boolean includeScores = on(pack, SCORES);
        List<String> scores = includeScores ? bodies(results, region, ResultKind.SCORE) : List.of();
        Map<String, String> reports = new HashMap<>();
        if (includeScores) {
            records.forEach(region, year, StageContext.PUBLIC_REPORT, r -> reports.put(r.projectCode(), r.body()));
        }
        Set<OpenDataExport.OptIn> optedIn = EnumSet.noneOf(OpenDataExport.OptIn.class);
        Map.of(OpenDataExport.OptIn.ADJUSTMENTS, ADJUSTMENTS, OpenDataExport.OptIn.COMPOSITES, COMPOSITES,
                OpenDataExport.OptIn.ASSESSMENTS, ASSESSMENTS).forEach((kind, param) -> {
                    if (on(pack, param)) {
                        optedIn.add(kind);
                    }
                });
        boolean adjustments = optedIn.contains(OpenDataExport.OptIn.ADJUSTMENTS)
                || optedIn.contains(OpenDataExport.OptIn.COMPOSITES);
        return new OpenDataExport.Input(region, year, pack.id(), targets, scores, includeScores, reports,
                adjustments ? bodies(results, region, ResultKind.ADJUSTMENT) : List.of(),
                optedIn.contains(OpenDataExport.OptIn.ASSESSMENTS) ? bodies(results, region, ResultKind.ASSESSMENT)
                        : List.of(), optedIn);
    }

    private static boolean on(RulePack pack, Param param) {
        return Boolean.parseBoolean(pack.string(param).strip());
    }

    /** The latest body of every result of a kind of the region (the export keeps those of its year). */
    private static List<String> bodies(ResultLedger results, String region, ResultKind kind) {
        List<String> bodies = new ArrayList<>();
        for (StoredResult r : results.latestResults(region, kind, Integer.MAX_VALUE)) {
            bodies.add(r.body());
        }
        return bodies;
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
            String kind = name.substring(0, name.indexOf('.'));
            throw new org.perflink.admin.api.NotFoundException("该区划不公开 (this region does not publish) " + name
                    + " (disclose." + kind + " = " + ("scores".equals(kind) ? "false" : "false, the default") + ")");
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
