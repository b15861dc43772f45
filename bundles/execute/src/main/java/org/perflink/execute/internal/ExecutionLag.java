package org.perflink.execute.internal;

import static org.perflink.execute.internal.DualMonitor.CLEAR_BAND;
import static org.perflink.execute.internal.DualMonitor.KEY_BANDS;
import static org.perflink.execute.internal.DualMonitor.KEY_FROM_DATE;
import static org.perflink.execute.internal.DualMonitor.KEY_MIN_BUDGET;
import static org.perflink.execute.internal.DualMonitor.KEY_MIN_RATE;
import static org.perflink.execute.internal.DualMonitor.LAG_BLUE;
import static org.perflink.execute.internal.DualMonitor.LAG_RED;
import static org.perflink.execute.internal.DualMonitor.LAG_YELLOW;
import static org.perflink.execute.internal.DualMonitor.RECLAIM_FROM_DATE;
import static org.perflink.execute.internal.DualMonitor.RECLAIM_MAX_RATE;
import static org.perflink.execute.internal.DualMonitor.RULE_EXECUTION_LAG;
import static org.perflink.execute.internal.DualMonitor.RULE_EXECUTION_LAG_KEY;
import static org.perflink.execute.internal.DualMonitor.RULE_EXECUTION_LAG_RECLAIM;
import static org.perflink.execute.internal.MonitorTexts.MESSAGES;
import static org.perflink.execute.internal.MonitorTexts.amount;
import static org.perflink.execute.internal.MonitorTexts.percent;
import static org.perflink.execute.internal.MonitorTexts.points;
import static org.perflink.execute.internal.MonitorTexts.ratio;
import static org.perflink.execute.internal.MonitorTexts.thresholdPoints;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.perflink.api.model.Project;
import org.perflink.api.model.Warning;
import org.perflink.api.model.Warning.Action;
import org.perflink.api.model.Warning.Level;
import org.perflink.api.model.Warning.Regime;
import org.perflink.api.model.Warning.Type;
import org.perflink.api.rules.Messages;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * 预算执行进度监控 of one round (rules.md §2): the execution rate against the project's expected disbursement curve,
 * graded by its regime's bands, with the key rule (重点监控: large and little spent after 31 August), the reclaim
 * rule (收回/调减: late in the year, less than half spent) and the dead band. Immutable once built from the pack.
 */
public final class ExecutionLag {

    /** Builds the warning with its id, regime, rounds and classification (the round owns those). */
    @FunctionalInterface
    public interface WarningFactory {
        Warning warning(MonitoredProject project, Type type, Level level, Action action, String ruleId,
                Map<String, String> metrics, Map<String, String> thresholds, Messages.Text text,
                BigDecimal reclaimAmount);
    }

    private static final MathContext MATH = MathContext.DECIMAL128;
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final String asOfText;
    private final LocalDate asOf;
    private final BigDecimal timeProgress;
    private final LagBands generalBands;
    /** Null when key projects share the general bands (v1). */
    private final LagBands keyBands;
    private final SpendCurves spendCurves;
    private final BigDecimal clearBand;
    private final BigDecimal keyMinBudget;
    private final BigDecimal keyMinRate;
    private final MonthDay keyFromDate;
    private final BigDecimal reclaimMaxRate;
    private final boolean lagOn;
    /** Key monitoring is on and the round is on or after its date. */
    private final boolean keyDue;
    /** The reclaim rule is on and the round is on or after its date. */
    private final boolean reclaimDue;
    private final Map<String, String> lagThresholds;
    private final Map<String, String> keyBandThresholds;
    private final Map<String, String> keyThresholds;
    private final Map<String, String> reclaimThresholds;

    public ExecutionLag(RulePack pack, LocalDate asOf, BigDecimal timeProgress) {
        this.asOf = asOf;
        this.asOfText = asOf.toString();
        this.timeProgress = timeProgress;
        generalBands = new LagBands(pack.decimal(LAG_BLUE), pack.decimal(LAG_YELLOW), pack.decimal(LAG_RED));
        String keyBandsRaw = pack.string(KEY_BANDS);
        keyBands = keyBandsRaw.isBlank() ? null : LagBands.parse(keyBandsRaw, where(pack, KEY_BANDS));
        spendCurves = SpendCurves.of(pack);
        clearBand = pack.decimal(CLEAR_BAND);
        keyMinBudget = pack.decimal(KEY_MIN_BUDGET);
        keyMinRate = pack.decimal(KEY_MIN_RATE);
        keyFromDate = monthDay(pack, KEY_FROM_DATE);
        reclaimMaxRate = pack.decimal(RECLAIM_MAX_RATE);
        lagOn = pack.enabled(RULE_EXECUTION_LAG);
        keyDue = pack.enabled(RULE_EXECUTION_LAG_KEY) && !MonthDay.from(asOf).isBefore(keyFromDate);
        reclaimDue = pack.enabled(RULE_EXECUTION_LAG_RECLAIM)
                && !MonthDay.from(asOf).isBefore(monthDay(pack, RECLAIM_FROM_DATE));
        lagThresholds = thresholds(pack, LAG_BLUE, LAG_YELLOW, LAG_RED);
        keyBandThresholds = thresholds(pack, KEY_BANDS);
        keyThresholds = thresholds(pack, KEY_MIN_BUDGET, KEY_MIN_RATE, KEY_FROM_DATE);
        reclaimThresholds = thresholds(pack, RECLAIM_FROM_DATE, RECLAIM_MAX_RATE);
    }

    /**
     * The EXECUTION_LAG warning of one project, if any.
     *
     * @param budget the adjusted budget at asOf (调整后预算), positive
     * @param project null: judged by the linear time progress
     */
    public Optional<Warning> assess(MonitoredProject subject, Project project, BigDecimal budget, BigDecimal paid,
            WarningFactory factory) {
        BigDecimal rate = paid.divide(budget, MATH);
        SpendCurves.Chosen curve = spendCurves.forProject(project == null ? null : project.functionCode(),
                project == null ? null : project.kind());
        BigDecimal expected = curve.linear() ? timeProgress : curve.expected(asOf);
        BigDecimal gap = expected.subtract(rate);
        StandingWarnings standing = subject.standing();
        boolean keyBandsApply = subject.regime() == Regime.KEY && keyBands != null;
        LagBands bands = keyBandsApply ? keyBands : generalBands;
        Level level = lagOn ? bands.held(gap, standing.previousLevel(Type.EXECUTION_LAG), clearBand) : Level.NONE;
        boolean held = level != Level.NONE && gap.compareTo(bands.threshold(level)) < 0;
        boolean key = keyDue && budget.compareTo(keyMinBudget) >= 0
                && rate.compareTo(standingLimit(keyMinRate, standing, RULE_EXECUTION_LAG_KEY)) < 0;
        boolean reclaim = reclaimDue && gap.signum() > 0
                && rate.compareTo(standingLimit(reclaimMaxRate, standing, RULE_EXECUTION_LAG_RECLAIM)) < 0;
        if (level == Level.NONE && !key && !reclaim) {
            return Optional.empty();
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("executionRate", ratio(rate));
        metrics.put("timeProgress", ratio(timeProgress));
        metrics.put("gap", ratio(gap));
        metrics.put("budgetAmount", amount(budget));
        metrics.put("paidAmount", amount(paid));
        metrics.put("keyMonitoring", Boolean.toString(key));
        Map<String, String> curveThreshold = new LinkedHashMap<>();
        if (!curve.linear()) {
            // the warning names the curve it was judged by (rules.md §2 since rules v2)
            metrics.put("spendCurve", curve.name());
            metrics.put("expectedRate", ratio(expected));
            curveThreshold.put(curve.key(), curve.raw());
        }
        if (reclaim) {
            // 收回/调减: the unspent money beyond what the curve still expects to be spent = budget × gap
            BigDecimal reclaimAmount = budget.multiply(gap, MATH).setScale(2, RoundingMode.HALF_UP);
            metrics.put("reclaimAmount", amount(reclaimAmount));
            return Optional.of(factory.warning(subject, Type.EXECUTION_LAG, Level.RED, Action.RECLAIM,
                    RULE_EXECUTION_LAG_RECLAIM, metrics, merged(reclaimThresholds, curveThreshold),
                    MESSAGES.text(RULE_EXECUTION_LAG_RECLAIM, asOfText, percent(rate), percent(reclaimMaxRate),
                            percent(expected), points(gap), amount(reclaimAmount), curve.name()), reclaimAmount));
        }
        if (key && level != Level.RED) {
            // the key rule decides the level only when the gap bands alone stay below RED
            return Optional.of(factory.warning(subject, Type.EXECUTION_LAG, Level.RED, Action.SUSPEND_DISBURSEMENT,
                    RULE_EXECUTION_LAG_KEY, metrics, keyThresholds, MESSAGES.text(RULE_EXECUTION_LAG_KEY,
                            amount(budget), amount(keyMinBudget), asOfText, percent(rate), percent(keyMinRate),
                            MONTH_DAY.format(keyFromDate)), null));
        }
        Action action = level == Level.RED ? Action.SUSPEND_DISBURSEMENT : Action.CORRECT;
        String template = "EXECUTION_LAG." + level + (curve.linear() ? "" : ".CURVE");
        Messages.Text text = MESSAGES.text(template, asOfText, percent(rate), percent(expected), points(gap),
                thresholdPoints(bands.threshold(level)), curve.name());
        Map<String, String> thresholds = merged(keyBandsApply ? keyBandThresholds : lagThresholds, curveThreshold);
        if (held) {
            thresholds.put(CLEAR_BAND.key(), clearBand.toPlainString());
            metrics.put("heldByClearBand", "true");
            text = held(text, clearBand);
        }
        return Optional.of(factory.warning(subject, Type.EXECUTION_LAG, level, action, RULE_EXECUTION_LAG, metrics,
                thresholds, text, null));
    }

    /** The message of a warning kept by the dead band, saying so. */
    public static Messages.Text held(Messages.Text text, BigDecimal clearBand) {
        Messages.Text note = MESSAGES.text("HELD", thresholdPoints(clearBand));
        return new Messages.Text(text.zh() + note.zh(), text.en() + " " + note.en());
    }

    /** A "below" limit, widened by the dead band when the previous round's warning came from that rule. */
    private BigDecimal standingLimit(BigDecimal limit, StandingWarnings standing, String ruleId) {
        return standing.previousBy(Type.EXECUTION_LAG, ruleId) ? limit.add(clearBand) : limit;
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    /** The values of the parameters as the pack sets them, for a warning's {@code thresholds}. */
    public static Map<String, String> thresholds(RulePack pack, Param... params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Param p : params) {
            values.put(p.key(), pack.string(p));
        }
        return Map.copyOf(values);
    }

    public static MonthDay monthDay(RulePack pack, Param param) {
        String raw = pack.string(param);
        try {
            return MonthDay.parse(raw, MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(pack, param) + ": '" + raw + "' is not a month-day (MM-dd)", e);
        }
    }

    public static String where(RulePack pack, Param param) {
        return "rule pack " + pack.id() + ": parameter '" + param.key() + "'";
    }
}
