package org.perflink.execute.internal;

import static org.perflink.execute.internal.MonitorTexts.MESSAGES;
import static org.perflink.execute.internal.MonitorTexts.amount;
import static org.perflink.execute.internal.MonitorTexts.percent;
import static org.perflink.execute.internal.MonitorTexts.points;
import static org.perflink.execute.internal.MonitorTexts.ratio;
import static org.perflink.execute.internal.MonitorTexts.thresholdPoints;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.IndicatorActual;
import org.perflink.api.model.Project;
import org.perflink.api.model.Target;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Regime;
import org.perflink.api.model.Warning.Type;
import org.perflink.api.rules.Messages;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.Quantity;
import org.perflink.api.rules.RulePack;
import org.perflink.execute.internal.ExecutionLag;
import org.perflink.execute.internal.MonitoredProject;
import org.perflink.execute.internal.SpendCurves;
import org.perflink.execute.internal.StandingWarnings;
import org.perflink.execute.internal.WarningClass;

/**
 * Dual monitoring (双监控, rules.md §2) of one monitoring round of a region: budget execution progress
 * against time progress (预算执行进度) and indicator progress against the performance target (绩效目标实现程度).
 *
 * <p>An instance holds everything that does not depend on the project — parameters read from the rule
 * pack, time progress, expected indicator progress, threshold maps — so that assessing one project of a
 * 100 000-project round costs a couple of divisions. It is immutable and thread-safe.
 *
 * <p>EXECUTION_LAG measures against the project's expected disbursement curve ({@code monitor.spendCurve.*},
 * linear time progress when none applies, as in v1); the pace ({@code monitor.pace}, {@code monitor.pace.curve})
 * shapes only the expected indicator progress of TARGET_DEVIATION / TARGET_AT_RISK. Key projects (重点监控) get
 * every rule and {@code monitor.key.bands}; the others (全面监控) the basic rules when {@code monitor.general.scope}
 * is BASIC. A level of the previous round stands within the dead band {@code monitor.clearBand}; late in the year a
 * project far behind gets RECLAIM with the amount at stake (rules.md §2 since rules v2).
 *
 * <p>Per project and round at most one warning of each type, at its highest level. Figures are compared
 * unrounded (34 significant digits, {@code MathContext.DECIMAL128}) and written into {@code metrics} with 4 places HALF_UP.
 * Every rule can be switched off per region with {@code rule.<ruleId>.enabled=false}.
 */
public final class DualMonitor {

    /** Rule ids; a warning's {@code ruleId} is its type name, except the key-monitoring variant. */
    public static final String RULE_EXECUTION_LAG = Type.EXECUTION_LAG.name();
    /** 重点监控: a large budget that is still little spent at the end of August. */
    public static final String RULE_EXECUTION_LAG_KEY = "EXECUTION_LAG_KEY";
    public static final String RULE_TARGET_DEVIATION = Type.TARGET_DEVIATION.name();
    public static final String RULE_TARGET_AT_RISK = Type.TARGET_AT_RISK.name();
    public static final String RULE_NO_DATA = Type.NO_DATA.name();
    /** 收回/调减: late in the year, little spent (since rules v2). */
    public static final String RULE_EXECUTION_LAG_RECLAIM = "EXECUTION_LAG_RECLAIM";

    public static final Param LAG_BLUE = Param.of("monitor.lag.blue", "0.10",
            "EXECUTION_LAG BLUE when timeProgress − executionRate reaches this (P)");
    public static final Param LAG_YELLOW = Param.of("monitor.lag.yellow", "0.20",
            "EXECUTION_LAG YELLOW when timeProgress − executionRate reaches this (P)");
    public static final Param LAG_RED = Param.of("monitor.lag.red", "0.30",
            "EXECUTION_LAG RED (suspend disbursement) when timeProgress − executionRate reaches this (P)");
    public static final Param KEY_MIN_BUDGET = Param.of("monitor.key.minBudget", "2000000",
            "key monitoring (重点监控): budget in 元 at or above which a project is watched (local)");
    public static final Param KEY_MIN_RATE = Param.of("monitor.key.minRate", "0.60",
            "key monitoring: RED when the execution rate is below this … (local)");
    public static final Param KEY_FROM_DATE = Param.of("monitor.key.fromDate", "08-31",
            "key monitoring: … from this month-day (MM-dd) of the year on (local)");
    public static final Param PACE = Param.of("monitor.pace", "1.0",
            "expected indicator progress = pace curve × this (P)");
    public static final Param PACE_CURVE = Param.of("monitor.pace.curve", PaceCurve.LINEAR_NAME,
            "expected indicator progress: 'linear' (time progress) or 12 cumulative month-end fractions,"
                    + " interpolated by day within the month (P)");
    public static final Param DEVIATION_YELLOW = Param.of("monitor.deviation.yellow", "0.20",
            "TARGET_DEVIATION when an indicator's shortfall against expected progress reaches this (P)");
    public static final Param DEVIATION_RED = Param.of("monitor.deviation.red", "0.40",
            "TARGET_AT_RISK when an indicator's shortfall reaches this (P)");

    public static final Param SPEND_CURVE = Param.of(SpendCurves.KEY + "<KIND|prefix.CODE>", PaceCurve.LINEAR_NAME,
            "expected disbursement: 12 month-end cumulative shares per project kind or function-code prefix"
                    + " (longest prefix, then kind, else linear time progress, v1) (P)");
    public static final Param KEY_BANDS = Param.of("monitor.key.bands", "",
            "EXECUTION_LAG bands BLUE,YELLOW,RED of key projects (重点监控); blank: monitor.lag.* (v1)");
    public static final Param GENERAL_SCOPE = Param.of("monitor.general.scope", "ALL",
            "rules for projects not under key monitoring: ALL (v1) or BASIC (EXECUTION_LAG and NO_DATA only)");
    public static final Param CLEAR_BAND = Param.of("monitor.clearBand", "0",
            "dead band: a level of the previous round stands while its metric is within this below the threshold"
                    + " (v1: 0; 0.03 recommended) (P)");
    public static final Param RECLAIM_FROM_DATE = Param.of("monitor.reclaim.fromDate", "10-31",
            "RECLAIM (收回/调减) from this month-day (MM-dd) on … (P)");
    public static final Param RECLAIM_MAX_RATE = Param.of("monitor.reclaim.maxRate", "0.50",
            "… when the execution rate is below this (P)");

    /** Every parameter this bundle reads, for listing a region's effective values. */
    public static final List<Param> PARAMS = List.of(LAG_BLUE, LAG_YELLOW, LAG_RED, KEY_MIN_BUDGET, KEY_MIN_RATE,
            KEY_FROM_DATE, PACE, PACE_CURVE, DEVIATION_YELLOW, DEVIATION_RED, SPEND_CURVE, KEY_BANDS, GENERAL_SCOPE,
            CLEAR_BAND, RECLAIM_FROM_DATE, RECLAIM_MAX_RATE);

    /** Precision of unrounded comparisons. */
    static final MathContext MATH = MathContext.DECIMAL128;

    /** Metric {@code reason} of a NO_DATA warning. */
    public enum NoDataReason { NO_SNAPSHOT, ZERO_BUDGET, MISSING_AMOUNT }

    private final String regionCode;
    private final int year;
    private final LocalDate asOf;
    private final String asOfText;
    private final BigDecimal timeProgress;
    private final BigDecimal expectedProgress;

    /** 预算执行进度监控 of this round. */
    private final ExecutionLag executionLag;
    private final boolean basicScope;
    private final BigDecimal clearBand;
    private final BigDecimal keyMinBudget;
    private final BigDecimal deviationYellow;
    private final BigDecimal deviationRed;

    private final boolean deviationOn;
    private final boolean atRiskOn;
    private final boolean noDataOn;

    private final Map<String, String> targetThresholds;

    /**
     * A monitoring round.
     *
     * @param year the budget year written into warnings
     * @param asOf the monitoring cut-off date (监控截止日)
     * @throws IllegalArgumentException when a parameter of {@code pack} cannot be read
     */
    public DualMonitor(String regionCode, int year, LocalDate asOf, RulePack pack) {
        this.regionCode = Objects.requireNonNull(regionCode, "regionCode");
        this.year = year;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.asOfText = asOf.toString();
        this.timeProgress = timeProgress(asOf);

        executionLag = new ExecutionLag(pack, asOf, timeProgress);
        basicScope = scope(pack);
        clearBand = pack.decimal(CLEAR_BAND);
        keyMinBudget = pack.decimal(KEY_MIN_BUDGET);
        deviationYellow = pack.decimal(DEVIATION_YELLOW);
        deviationRed = pack.decimal(DEVIATION_RED);
        PaceCurve curve = PaceCurve.parse(pack.string(PACE_CURVE), where(pack, PACE_CURVE));
        expectedProgress = curve.at(asOf).multiply(pack.decimal(PACE), MATH);

        deviationOn = pack.enabled(RULE_TARGET_DEVIATION);
        atRiskOn = pack.enabled(RULE_TARGET_AT_RISK);
        noDataOn = pack.enabled(RULE_NO_DATA);

        targetThresholds = ExecutionLag.thresholds(pack, PACE, PACE_CURVE, DEVIATION_YELLOW, DEVIATION_RED);
    }

    /**
     * One-off form: the warnings of one project at {@code asOf}. Prefer one instance per round when
     * monitoring many projects.
     *
     * @param project the project with its target; null: only the execution rules apply
     * @param snapshot the execution data; null: NO_DATA
     */
    public static List<Warning> monitor(String regionCode, Project project, ExecutionSnapshot snapshot,
            LocalDate asOf, RulePack pack) {
        int year = snapshot != null ? snapshot.year() : project != null ? project.year() : asOf.getYear();
        return new DualMonitor(regionCode, year, asOf, pack).assess(project, snapshot);
    }

    /** 时间进度: days from 1 January through {@code asOf} inclusive ÷ days in the year (366 in a leap year). */
    public static BigDecimal timeProgress(LocalDate asOf) {
        return BigDecimal.valueOf(asOf.getDayOfYear()).divide(BigDecimal.valueOf(asOf.lengthOfYear()), MATH);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** Unrounded time progress of this round. */
    public BigDecimal timeProgress() {
        return timeProgress;
    }

    /** Unrounded expected indicator progress of this round (应达进度 = pace curve × {@code monitor.pace}). */
    public BigDecimal expectedProgress() {
        return expectedProgress;
    }

    /**
     * The warnings of one project.
     *
     * @param project the project with its target; null: only the execution rules apply
     * @param snapshot the execution data at this round's cut-off; null: NO_DATA
     * @throws IllegalArgumentException when both are null (the project cannot be named)
     */
    public List<Warning> assess(Project project, ExecutionSnapshot snapshot) {
        return assess(project, snapshot, List.of());
    }

    /**
     * The warnings of one project, given what its earlier rounds of the year left standing.
     *
     * @param earlier the project's warnings so far (the result history); they decide the dead band and
     *        {@code rounds}; empty: a first round
     */
    public List<Warning> assess(Project project, ExecutionSnapshot snapshot, List<Warning> earlier) {
        StandingWarnings standing = StandingWarnings.of(earlier, year, asOf);
        if (snapshot == null) {
            if (project == null) {
                throw new IllegalArgumentException("neither a project nor an execution snapshot");
            }
            return noSnapshot(new MonitoredProject(project.projectCode(), regimeOf(project, null), standing));
        }
        MonitoredProject subject = new MonitoredProject(snapshot.projectCode(),
                regimeOf(project, snapshot.budgetAmount()), standing);
        List<Warning> warnings = new ArrayList<>(2);
        execution(subject, project, snapshot).ifPresent(warnings::add);
        Target target = project == null ? null : project.target();
        boolean fullSet = subject.regime() == Regime.KEY || !basicScope;
        if (fullSet && target != null && !target.indicators().isEmpty() && !snapshot.indicators().isEmpty()
                && (deviationOn || atRiskOn)) {
            int from = warnings.size();
            targets(subject, target, snapshot, warnings);
            AdjustedTarget.mark(project, warnings.subList(from, warnings.size()));
        }
        return warnings;
    }

    /** NO_DATA for a project the round covers that has no execution snapshot (empty when the rule is off). */
    public List<Warning> noSnapshot(String projectCode) {
        return noSnapshot(projectCode, List.of());
    }

    /** NO_DATA without a snapshot, counting the rounds it has stood (the project unknown: general monitoring). */
    public List<Warning> noSnapshot(String projectCode, List<Warning> earlier) {
        return noSnapshot(new MonitoredProject(projectCode, Regime.GENERAL, StandingWarnings.of(earlier, year, asOf)));
    }

    private List<Warning> noSnapshot(MonitoredProject subject) {
        return noDataOn ? List.of(noData(subject, NoDataReason.NO_SNAPSHOT, Map.of(), MESSAGES.text(
                "NO_DATA.NO_SNAPSHOT", asOfText))) : List.of();
    }

    /** 重点监控: a major project, or a budget (adjusted, when the snapshot has one) at or above the key minimum. */
    private Regime regimeOf(Project project, BigDecimal snapshotBudget) {
        BigDecimal budget = snapshotBudget != null ? snapshotBudget : project == null ? null : project.budgetAmount();
        boolean key = (project != null && project.isMajor()) || (budget != null && budget.compareTo(keyMinBudget) >= 0);
        return key ? Regime.KEY : Regime.GENERAL;
    }

    // ---- 预算执行进度监控 ------------------------------------------------------------------------------

    private Optional<Warning> execution(MonitoredProject subject, Project project, ExecutionSnapshot snapshot) {
        BigDecimal budget = snapshot.budgetAmount();
        BigDecimal paid = snapshot.paidAmount();
        if (budget == null || paid == null) {
            return noDataOn ? Optional.of(noData(subject, NoDataReason.MISSING_AMOUNT, Map.of(),
                    MESSAGES.text("NO_DATA.MISSING_AMOUNT", asOfText))) : Optional.empty();
        }
        if (budget.signum() <= 0) {
            // no budget to measure against: the execution rate is undefined, not zero
            return noDataOn ? Optional.of(noData(subject, NoDataReason.ZERO_BUDGET,
                    Map.of("budgetAmount", amount(budget), "paidAmount", amount(paid)),
                    MESSAGES.text("NO_DATA.ZERO_BUDGET", asOfText, amount(budget)))) : Optional.empty();
        }
        // the snapshot's budget is the adjusted budget at asOf (调整后预算), so it also decides key monitoring
        return executionLag.assess(subject, project, budget, paid, this::warning);
    }

    private Messages.Text heldText(Messages.Text text) {
        return ExecutionLag.held(text, clearBand);
    }

    private static boolean scope(RulePack pack) {
        String raw = pack.string(GENERAL_SCOPE).toUpperCase(Locale.ROOT);
        if (!raw.equals("ALL") && !raw.equals("BASIC")) {
            throw new IllegalArgumentException(where(pack, GENERAL_SCOPE) + ": '" + raw + "' is neither ALL nor BASIC");
        }
        return raw.equals("BASIC");
    }

    // ---- 绩效目标实现程度监控 ---------------------------------------------------------------------------

    /** One indicator that falls behind; {@code progress}/{@code shortfall} are null for a qualitative grade. */
    private record Lagging(Indicator indicator, String actual, BigDecimal progress, BigDecimal shortfall) {

        boolean quantitative() {
            return shortfall != null;
        }
    }

    private void targets(MonitoredProject subject, Target target, ExecutionSnapshot snapshot, List<Warning> out) {
        // the dead band lowers a threshold the project already reached in the previous round
        BigDecimal riskAt = holding(subject, Type.TARGET_AT_RISK) ? deviationRed.subtract(clearBand) : deviationRed;
        BigDecimal deviatingAt = holding(subject, Type.TARGET_DEVIATION) || holding(subject, Type.TARGET_AT_RISK)
                ? deviationYellow.subtract(clearBand) : deviationYellow;
        int[] paired = IndicatorActual.pair(target.indicators(), snapshot.indicators());
        List<Lagging> deviating = new ArrayList<>(0);
        List<Lagging> atRisk = new ArrayList<>(0);
        for (int i = 0; i < paired.length; i++) {
            Indicator indicator = target.indicators().get(i);
            String actual = paired[i] < 0 ? null : snapshot.indicators().get(paired[i]).actual();
            if (actual == null) {
                continue;
            }
            if (indicator.quantitative()) {
                Lagging lagging = quantitative(indicator, actual);
                if (lagging == null) {
                    continue;
                }
                // an indicator at risk is reported only as at risk, never also as deviating
                if (lagging.shortfall().compareTo(riskAt) >= 0) {
                    atRisk.add(lagging);
                } else if (lagging.shortfall().compareTo(deviatingAt) >= 0) {
                    deviating.add(lagging);
                }
            } else if (poorGrade(actual)) {
                atRisk.add(new Lagging(indicator, actual, null, null));
            }
        }
        if (deviationOn && !deviating.isEmpty()) {
            Lagging worst = worst(deviating);
            out.add(targetWarning(subject, Type.TARGET_DEVIATION, Level.YELLOW, Action.CORRECT, RULE_TARGET_DEVIATION,
                    worst, deviating, deviationYellow, quantitativeText("TARGET_DEVIATION", worst, deviating.size())));
        }
        if (atRiskOn && !atRisk.isEmpty()) {
            Lagging worst = worst(atRisk);
            Messages.Text text = worst.quantitative()
                    ? quantitativeText("TARGET_AT_RISK.QUANTITATIVE", worst, atRisk.size())
                    : MESSAGES.text("TARGET_AT_RISK.QUALITATIVE", worst.indicator().code(),
                            Objects.toString(worst.indicator().name(), ""), asOfText, grade(worst.actual()),
                            String.valueOf(atRisk.size()));
            out.add(targetWarning(subject, Type.TARGET_AT_RISK, Level.RED, Action.ADJUST_TARGET, RULE_TARGET_AT_RISK,
                    worst, atRisk, deviationRed, text));
        }
    }

    private boolean holding(MonitoredProject subject, Type type) {
        return clearBand.signum() > 0 && subject.standing().previousLevel(type) != Level.NONE;
    }

    /** A target warning; one whose worst indicator is below the threshold stands by the dead band and says so. */
    private Warning targetWarning(MonitoredProject subject, Type type, Level level, Action action, String ruleId,
            Lagging worst, List<Lagging> all, BigDecimal threshold, Messages.Text text) {
        Map<String, String> metrics = targetMetrics(worst, all);
        Map<String, String> thresholds = targetThresholds;
        if (worst.quantitative() && worst.shortfall().compareTo(threshold) < 0) {
            metrics.put("heldByClearBand", "true");
            thresholds = new LinkedHashMap<>(targetThresholds);
            thresholds.put(CLEAR_BAND.key(), clearBand.toPlainString());
            text = heldText(text);
        }
        return warning(subject, type, level, action, ruleId, metrics, thresholds, text, null);
    }

    /**
     * Progress of a positive (正向, GE/GT) quantitative indicator; null when it is not monitored this way
     * or a value cannot be read (that indicator is skipped, the others still count).
     */
    private Lagging quantitative(Indicator indicator, String actual) {
        if (indicator.operator() == null || !indicator.operator().positive()) {
            return null;
        }
        Optional<Quantity> targetValue = Quantity.parse(indicator.value());
        Optional<Quantity> actualValue = Quantity.parse(actual);
        if (targetValue.isEmpty() || actualValue.isEmpty()) {
            return null;
        }
        BigDecimal value = comparable(targetValue.get(), indicator.unit());
        if (value.signum() <= 0) {
            return null;
        }
        BigDecimal progress = comparable(actualValue.get(), indicator.unit()).divide(value, MATH);
        return new Lagging(indicator, actual, progress, expectedProgress.subtract(progress));
    }

    /** Money in 元 when a money unit applies (so 90万元 meets 900000元), else the number as written. */
    private static BigDecimal comparable(Quantity q, String declaredUnit) {
        return q.inYuan(declaredUnit).orElse(q.number());
    }

    private static boolean poorGrade(String actual) {
        String grade = grade(actual);
        return grade.equals("C") || grade.equals("D");
    }

    private static String grade(String actual) {
        return actual.trim().toUpperCase(Locale.ROOT);
    }

    /** The quantitative indicator furthest behind, else the first poorly graded one. */
    private static Lagging worst(List<Lagging> laggings) {
        Lagging worst = null;
        for (Lagging l : laggings) {
            if (worst == null || (l.quantitative()
                    && (!worst.quantitative() || l.shortfall().compareTo(worst.shortfall()) > 0))) {
                worst = l;
            }
        }
        return worst;
    }

    private Map<String, String> targetMetrics(Lagging worst, List<Lagging> all) {
        Indicator indicator = worst.indicator();
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("indicator", indicator.code());
        metrics.put("actual", worst.actual());
        if (indicator.value() != null) {
            metrics.put("target", indicator.value());
        }
        if (indicator.unit() != null) {
            metrics.put("unit", indicator.unit());
        }
        if (worst.quantitative()) {
            metrics.put("progress", ratio(worst.progress()));
            metrics.put("expectedProgress", ratio(expectedProgress));
            metrics.put("shortfall", ratio(worst.shortfall()));
        } else {
            metrics.put("grade", grade(worst.actual()));
        }
        metrics.put("timeProgress", ratio(timeProgress));
        metrics.put("indicators", all.stream().map(l -> l.indicator().code()).collect(Collectors.joining(",")));
        return metrics;
    }

    private Messages.Text quantitativeText(String key, Lagging l, int count) {
        Indicator indicator = l.indicator();
        return MESSAGES.text(key, indicator.code(), Objects.toString(indicator.name(), ""),
                withUnit(indicator.value(), indicator.unit()), asOfText, l.actual(), percent(l.progress()),
                percent(expectedProgress), points(l.shortfall()), String.valueOf(count));
    }

    private static String withUnit(String value, String unit) {
        return unit == null || value.endsWith(unit) ? value : value + unit;
    }

    // ---- shared ---------------------------------------------------------------------------------------

    private Warning noData(MonitoredProject subject, NoDataReason reason, Map<String, String> figures,
            Messages.Text text) {
        Map<String, String> metrics = new LinkedHashMap<>(figures);
        metrics.put("reason", reason.name());
        return warning(subject, Type.NO_DATA, Level.YELLOW, Action.CORRECT, RULE_NO_DATA, metrics, Map.of(), text,
                null);
    }

    private Warning warning(MonitoredProject subject, Type type, Level level, Action action, String ruleId,
            Map<String, String> metrics, Map<String, String> thresholds, Messages.Text text, BigDecimal reclaimAmount) {
        String code = subject.code();
        return new Warning(Warning.idOf(code, asOf, type), code, regionCode, year, asOf, type, level, metrics,
                thresholds, action, ruleId, text.zh(), text.en(), subject.regime(),
                subject.standing().rounds(type, level), reclaimAmount, WarningClass.category(type, action),
                WarningClass.responsible(type, level));
    }

    private static String where(RulePack pack, Param param) {
        return ExecutionLag.where(pack, param);
    }
}
