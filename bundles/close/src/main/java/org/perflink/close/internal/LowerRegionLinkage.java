package org.perflink.close.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.perflink.api.hook.LowerRegions;
import org.perflink.api.hook.ResultHistory;
import org.perflink.api.host.EvaluationFeed;
import org.perflink.api.host.HostException;
import org.perflink.api.host.HostGateway;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Project;
import org.perflink.api.model.Score;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Subregion;
import org.perflink.api.rules.Messages.Text;
import org.perflink.api.rules.RulePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R's whole-year LINK for its lower regions (rules.md §4.3, §5 last bullet): per configured lower region L, the
 * composite from L's records ({@link LowerRegionRecords}), the REGION adjustment on L's transfer baseline and the
 * notice its grade calls for.
 * <p>
 * Order of events: R's LINK reads only what PerfLink's store holds of L when it runs, never what a host has
 * acknowledged. An L whose CLOSE/EVALUATE PerfLink has not handled for Y yet (no Score of Y) is skipped, logged and
 * listed in {@link Outcome#skipped()}; a later whole-year LINK of R (or the same event handled again) issues it,
 * with the same id and body as if L had been evaluated first. An L without a transfer baseline still gets its
 * composite and notice (for §5–§6), not an adjustment. A 1.0 host gets nothing of this (scope REGION and the
 * {@code subregions} pull are v1.1). Not thread-safe; one instance per run.
 */
public final class LowerRegionLinkage {

    private static final Logger LOG = LoggerFactory.getLogger(LowerRegionLinkage.class);

    static final int PAGE = 200;

    /** Why a lower region got no adjustment (zh-CN and English). */
    public record Skip(String lowerRegion, String reason, String reasonEn) {
    }

    /**
     * What R's LINK decided for its lower regions, and what the §6 work assessment reads of each one with a composite
     * ({@code assessed}: scope REGION, its projects' facts from its records and its composite).
     */
    public record Outcome(List<RegionComposite.Result> composites, List<Notice> notices, List<Skip> skipped,
            List<SubjectFacts> assessed) {

        public Outcome(List<RegionComposite.Result> composites, List<Notice> notices, List<Skip> skipped) {
            this(composites, notices, skipped, List.of());
        }
    }

    /** Where an unusable item goes (the dead letters, in the hook). */
    @FunctionalInterface
    public interface Rejects {
        void reject(String key, String reason);
    }

    private final String regionCode;
    private final int year;
    private final RulePack pack;
    private final RegionComposite composite;
    private final RegionNotices notices;
    private final RecordPoints points;

    public LowerRegionLinkage(String regionCode, int year, RulePack pack) {
        this.regionCode = regionCode;
        this.year = year;
        this.pack = pack;
        this.composite = new RegionComposite(pack);
        this.notices = new RegionNotices(pack);
        this.points = new RecordPoints(pack);
    }

    /**
     * @param host R's host (the {@code subregions} pull)
     * @param noticeDate the LINK event's date; null: no notices
     * @throws HostException when R's or a lower region's host cannot answer now (the event is handled again)
     */
    public Outcome link(HostGateway host, LowerRegions lower, LocalDate noticeDate, Rejects rejects) throws HostException {
        List<RegionComposite.Result> results = new ArrayList<>();
        List<Notice> issued = new ArrayList<>();
        List<Skip> skipped = new ArrayList<>();
        List<SubjectFacts> assessed = new ArrayList<>();
        List<String> codes = lower.codes();
        if (codes.isEmpty()) {
            return new Outcome(results, issued, skipped);
        }
        if (!host.v11()) {
            LOG.info("Region {} {}: lower regions {} are not linked: REGION adjustments and notices need host contract 1.1",
                    regionCode, year, codes);
            codes.forEach(l -> skipped.add(skip(l, "skip.contract")));
            return new Outcome(results, issued, skipped);
        }
        Map<String, Subregion> baselines = baselines(host, codes, rejects);
        for (String l : codes) {
            LowerRegionRecords records = records(l, lower);
            if (records == null || !records.evaluated()) {
                skipped.add(skip(l, records == null ? "skip.host" : "skip.notEvaluated"));
                continue;
            }
            RegionComposite.Result result;
            try {
                result = composite.evaluate(regionCode, year, l, records.components(), baselines.get(l));
            } catch (EvaluationInputException e) {
                rejects.reject("REGION." + l, e.getMessage());
                continue;
            }
            results.add(result);
            assessed.add(records.facts().composite(result.score(), result.grade()));
            if (result.adjustment().isEmpty() && pack.enabled(RegionComposite.LINK_REGION_COMPOSITE)) {
                skipped.add(skip(l, "skip.baseline"));
            }
            if (noticeDate != null) {
                notices.issue(regionCode, year, result, noticeDate, records.worstScored()).ifPresent(issued::add);
            }
        }
        return new Outcome(results, issued, skipped, assessed);
    }

    /** The host's transfer baselines of R's configured lower regions for the budget year; others are logged. */
    private Map<String, Subregion> baselines(HostGateway host, List<String> codes, Rejects rejects) throws HostException {
        Map<String, Subregion> out = new TreeMap<>();
        int budgetYear = composite.budgetYear(year);
        String cursor = null;
        do {
            Page<Parsed<Subregion>> page = host.subregions(regionCode, year, budgetYear, cursor, PAGE);
            for (Parsed<Subregion> p : page.items()) {
                if (!p.valid()) {
                    rejects.reject("subregion:" + p.key(), p.errorPath() + ": " + p.error());
                } else if (!codes.contains(p.value().regionCode())) {
                    LOG.info("Region {} {}: subregion {} is not a configured lower region; ignored", regionCode, year,
                            p.value().regionCode());
                } else if (p.value().budgetYear() == budgetYear) {
                    out.put(p.value().regionCode(), p.value());
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** L's records of Y: its projects from its own host, what PerfLink wrote for each; null when L has no host now. */
    private LowerRegionRecords records(String l, LowerRegions lower) throws HostException {
        HostGateway own = lower.host(l);
        if (own == null) {
            return null;
        }
        ResultHistory history = lower.history(l);
        LowerRegionRecords records = new LowerRegionRecords(l, year, points);
        SubjectFacts facts = records.facts();
        // L's own bad items are L's EVALUATE's to reject; here they only stay out of its records.
        EvaluationFeed feed = new EvaluationFeed(own, l, year, PAGE,
                (key, reason) -> LOG.debug("lower region {}: {} left out: {}", l, key, reason));
        String cursor = null;
        do {
            Page<EvaluationFeed.Evaluated> page = feed.evaluations(cursor, null);
            for (EvaluationFeed.Evaluated e : page.items()) {
                String code = e.input().projectCode();
                BigDecimal budget = e.input().budgetAmount() != null ? e.input().budgetAmount() : e.project().budgetAmount();
                List<Score> scores = history.scores(code);
                List<Verdict> verdicts = history.verdicts(code);
                List<Warning> warnings = history.warnings(code);
                records.project(code, budget, scores, verdicts, warnings);
                // §6: the same records, as the work assessment reads a department's project
                Score ofYear = scores.stream().filter(s -> s.year() == year).reduce((a, b) -> b).orElse(null);
                facts.project(ProjectFacts.ofRecords(code, year, e.input().selfScore() != null, ofYear, verdicts, warnings,
                        points));
                Project.Predecessor p = e.project().predecessor();
                if (p != null && p.projectCode() != null) {
                    ResultsApplied.of(e.project(), l, history.adjustments(p.projectCode())).forEach(facts::applied);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return records;
    }

    private Skip skip(String l, String key) {
        Text t = Texts.text("region." + key, l, regionCode, year);
        LOG.info("Region {} {}: lower region {} skipped: {} / {}", regionCode, year, l, t.zh(), t.en());
        return new Skip(l, t.zh(), t.en());
    }
}
