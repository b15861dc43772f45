package org.perflink.compile.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.perflink.api.model.ExAnte;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.Indicator.Type;
import org.perflink.api.model.Indicator.ValueSource;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Review;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Review.Outcome;
import org.perflink.api.model.Target;

/**
 * Test data: {@link #aProject()} is a project whose target passes every rule at every phase
 * (published with its budget, reviewed at three levels, six weighted core indicators); tests change
 * one thing and look for the one finding it causes.
 */
public final class TestProjects {

    public static final String FUNCTION = "2050202";
    public static final LocalDate DECLARED_ON = LocalDate.of(2026, 10, 10);
    public static final LocalDate REVIEWED_ON = LocalDate.of(2026, 11, 2);
    public static final LocalDate APPROVED_ON = LocalDate.of(2027, 1, 20);
    public static final LocalDate PUBLISHED_ON = LocalDate.of(2027, 2, 5); // within disclose.days (20) of APPROVED_ON

    /**
     * The core indicators of {@link #FUNCTION} in {@link #library()}: the names of the default set, with a history
     * of 12 schools, a standard range of 90..100 % for acceptance and a standard cost of at most 2 万元, all of which
     * the default set meets.
     */
    public static IndicatorLibrary library() {
        return new IndicatorLibrary(Map.of(FUNCTION, List.of(
                new IndicatorLibrary.CoreIndicator("改造学校数量", "所", null, null, null, null, new BigDecimal("12")),
                new IndicatorLibrary.CoreIndicator("工程验收合格率", "%", null, null, null,
                        new IndicatorLibrary.Standard(Operator.RANGE, new BigDecimal("90"), new BigDecimal("100")), null),
                new IndicatorLibrary.CoreIndicator("项目按期完工率", "%"),
                new IndicatorLibrary.CoreIndicator("生均改造成本", "万元", null, null, null,
                        new IndicatorLibrary.Standard(Operator.LE, new BigDecimal("2"), null), null),
                new IndicatorLibrary.CoreIndicator("新增学位数", "个"),
                new IndicatorLibrary.CoreIndicator("学生家长满意度", "%"))));
    }

    public static ProjectBuilder aProject() {
        return new ProjectBuilder();
    }

    public static IndicatorBuilder indicator(String code, Level1 level1, Level2 level2, String name) {
        return new IndicatorBuilder(code, level1, level2, name);
    }

    /** A cost indicator (成本指标) with no value yet: give it one with {@code le}, {@code range}, .... */
    public static IndicatorBuilder cost(String code) {
        return indicator(code, Level1.COST, Level2.ECONOMIC_COST, "生均改造成本");
    }

    public static Review review(Level level, Outcome outcome, LocalDate date) {
        return new Review(level, outcome, date);
    }

    public static Review review(Level level, Outcome outcome, LocalDate date, org.perflink.api.model.Grade grade) {
        return new Review(level, outcome, date, grade);
    }

    public static List<Review> threePasses() {
        return List.of(review(Level.UNIT, Outcome.PASS, LocalDate.of(2026, 10, 10)),
                review(Level.DEPARTMENT, Outcome.PASS, LocalDate.of(2026, 10, 20)),
                review(Level.FINANCE, Outcome.PASS, LocalDate.of(2026, 10, 28)));
    }

    public static final class ProjectBuilder {
        private String code = "440000-2027-000123";
        private long revision = 3;
        private String functionCode = FUNCTION;
        private boolean isNew;
        private boolean confidential;
        private boolean isMajor;
        private BigDecimal budget = new BigDecimal("2000000.00");
        private final Map<Phase, LocalDate> budgetDates = dates();
        private ExAnte exAnte;
        private boolean hasTarget = true;
        private Project.Predecessor predecessor;
        private Project.Period period;
        private List<IndicatorBuilder> periodIndicators = List.of();
        private Project.TargetRevision targetRevision;
        private Phase targetPhase = Phase.PUBLISHED;
        private final Map<Phase, LocalDate> targetDates = dates();
        private List<Review> reviews = threePasses();
        private String goal = "完成12所义务教育薄弱学校改造，新增学位600个，办学条件明显改善";
        private final List<IndicatorBuilder> indicators = new ArrayList<>(List.of(
                indicator("I1", Level1.OUTPUT, Level2.QUANTITY, "改造学校数量").ge("12", "所").weight("15"),
                indicator("I2", Level1.OUTPUT, Level2.QUALITY, "工程验收合格率").ge("100", "%").weight("15"),
                indicator("I3", Level1.OUTPUT, Level2.TIMELINESS, "项目按期完工率").ge("95", "%").weight("10"),
                cost("C1").le("1.5", "万元").weight("10"),
                indicator("B1", Level1.BENEFIT, Level2.SOCIAL, "新增学位数").ge("600", "个").weight("30"),
                indicator("S1", Level1.SATISFACTION, Level2.SATISFACTION, "学生家长满意度").ge("90", "%").weight("10")));

        private static Map<Phase, LocalDate> dates() {
            Map<Phase, LocalDate> d = new EnumMap<>(Phase.class);
            d.put(Phase.DECLARED, DECLARED_ON);
            d.put(Phase.REVIEWED, REVIEWED_ON);
            d.put(Phase.APPROVED, APPROVED_ON);
            d.put(Phase.PUBLISHED, PUBLISHED_ON);
            return d;
        }

        public ProjectBuilder code(String code) {
            this.code = code;
            return this;
        }

        public ProjectBuilder revision(long revision) {
            this.revision = revision;
            return this;
        }

        public ProjectBuilder functionCode(String functionCode) {
            this.functionCode = functionCode;
            return this;
        }

        public ProjectBuilder budget(String yuan) {
            this.budget = new BigDecimal(yuan);
            return this;
        }

        public ProjectBuilder isNew() {
            this.isNew = true;
            return this;
        }

        public ProjectBuilder isMajor() {
            this.isMajor = true;
            return this;
        }

        public ProjectBuilder exAnte(ExAnte.Status status, ExAnte.Conclusion conclusion) {
            this.exAnte = new ExAnte(status, conclusion, LocalDate.of(2026, 9, 20));
            return this;
        }

        /** An assessment of a level (v1.1 {@code exAnte.level}). */
        public ProjectBuilder exAnte(ExAnte.Status status, ExAnte.Conclusion conclusion, ExAnte.Level level) {
            this.exAnte = new ExAnte(status, conclusion, LocalDate.of(2026, 9, 20), level, null, null);
            return this;
        }

        /** An assessment as given, e.g. with its evaluators (v1.1 {@code exAnte.evaluatorIds}). */
        public ProjectBuilder exAnte(ExAnte exAnte) {
            this.exAnte = exAnte;
            return this;
        }

        public ProjectBuilder predecessor(String code, int year) {
            this.predecessor = new Project.Predecessor(code, year);
            return this;
        }

        public ProjectBuilder period(int startYear, int endYear) {
            this.period = new Project.Period(startYear, endYear);
            return this;
        }

        public ProjectBuilder periodIndicators(IndicatorBuilder... indicators) {
            this.periodIndicators = List.of(indicators);
            return this;
        }

        /** A revision of the approved target (ADJUST): the builder's target and budget are the revised ones. */
        public ProjectBuilder revisionOf(LocalDate requestedOn, String reason, String budgetBefore,
                IndicatorBuilder... approved) {
            this.targetRevision = new Project.TargetRevision(requestedOn, reason, new BigDecimal(budgetBefore),
                    java.util.Arrays.stream(approved).map(IndicatorBuilder::build).toList());
            return this;
        }

        /** A revision whose approved indicators are {@code approved} as given. */
        public ProjectBuilder revisionOf(LocalDate requestedOn, String reason, String budgetBefore, List<Indicator> approved) {
            this.targetRevision = new Project.TargetRevision(requestedOn, reason, new BigDecimal(budgetBefore), approved);
            return this;
        }

        public ProjectBuilder noTarget() {
            this.hasTarget = false;
            return this;
        }

        public ProjectBuilder targetPhase(Phase phase) {
            this.targetPhase = phase;
            return this;
        }

        /** The target's date of a phase; null removes it. */
        public ProjectBuilder targetDate(Phase phase, LocalDate date) {
            put(targetDates, phase, date);
            return this;
        }

        /** The budget's date of a phase; null removes it. */
        public ProjectBuilder budgetDate(Phase phase, LocalDate date) {
            put(budgetDates, phase, date);
            return this;
        }

        private static void put(Map<Phase, LocalDate> dates, Phase phase, LocalDate date) {
            if (date == null) {
                dates.remove(phase);
            } else {
                dates.put(phase, date);
            }
        }

        public ProjectBuilder reviews(Review... reviews) {
            this.reviews = List.of(reviews);
            return this;
        }

        public ProjectBuilder goal(String goal) {
            this.goal = goal;
            return this;
        }

        /** Replaces all indicators. */
        public ProjectBuilder indicators(IndicatorBuilder... indicators) {
            this.indicators.clear();
            this.indicators.addAll(List.of(indicators));
            return this;
        }

        public ProjectBuilder add(IndicatorBuilder indicator) {
            indicators.add(indicator);
            return this;
        }

        /** Changes the indicator with this code. */
        public ProjectBuilder change(String code, UnaryOperator<IndicatorBuilder> change) {
            IndicatorBuilder b = indicators.stream().filter(i -> i.code.equals(code)).findFirst().orElseThrow();
            indicators.set(indicators.indexOf(b), change.apply(b));
            return this;
        }

        public ProjectBuilder remove(String code) {
            if (!indicators.removeIf(i -> i.code.equals(code))) {
                throw new IllegalArgumentException(code);
            }
            return this;
        }

        public ProjectBuilder noWeights() {
            indicators.forEach(i -> i.weight(null));
            return this;
        }

        public Project build() {
            Target target = hasTarget ? new Target(targetPhase, targetDates, reviews, goal,
                    indicators.stream().map(IndicatorBuilder::build).toList(),
                    periodIndicators.stream().map(IndicatorBuilder::build).toList()) : null;
            return new Project(code, revision, "440000", 2027, "101", "省教育厅", "101001", "省教育装备中心",
                    "义务教育薄弱环节改善", ProjectKind.PROJECT, functionCode, isNew, isMajor, budget,
                    Phase.PUBLISHED, budgetDates, exAnte, target, predecessor, period, targetRevision, confidential);
        }

        /** 涉密: never in the open-data export (rules.md §9). */
        public ProjectBuilder confidential() {
            this.confidential = true;
            return this;
        }
    }

    public static final class IndicatorBuilder {
        private final String code;
        private Level1 level1;
        private Level2 level2;
        private String name;
        private Type type = Type.QUANTITATIVE;
        private Operator operator = Operator.GE;
        private String value = "1";
        private String valueMax;
        private String unit = "个";
        private ValueSource valueSource = ValueSource.PLAN;
        private BigDecimal weight;

        private IndicatorBuilder(String code, Level1 level1, Level2 level2, String name) {
            this.code = code;
            this.level1 = level1;
            this.level2 = level2;
            this.name = name;
        }

        public IndicatorBuilder ge(String value, String unit) {
            return set(Operator.GE, value, null, unit);
        }

        public IndicatorBuilder le(String value, String unit) {
            return set(Operator.LE, value, null, unit);
        }

        public IndicatorBuilder eq(String value, String unit) {
            return set(Operator.EQ, value, null, unit);
        }

        public IndicatorBuilder range(String min, String max, String unit) {
            return set(Operator.RANGE, min, max, unit);
        }

        public IndicatorBuilder set(Operator operator, String value, String valueMax, String unit) {
            this.operator = operator;
            this.value = value;
            this.valueMax = valueMax;
            this.unit = unit;
            return this;
        }

        public IndicatorBuilder qualitative(String text) {
            this.type = Type.QUALITATIVE;
            this.operator = null;
            this.value = text;
            this.unit = null;
            this.valueSource = null;
            return this;
        }

        public IndicatorBuilder operator(Operator operator) {
            this.operator = operator;
            return this;
        }

        public IndicatorBuilder value(String value) {
            this.value = value;
            return this;
        }

        public IndicatorBuilder unit(String unit) {
            this.unit = unit;
            return this;
        }

        public IndicatorBuilder valueSource(ValueSource valueSource) {
            this.valueSource = valueSource;
            return this;
        }

        public IndicatorBuilder level(Level1 level1, Level2 level2) {
            this.level1 = level1;
            this.level2 = level2;
            return this;
        }

        public IndicatorBuilder name(String name) {
            this.name = name;
            return this;
        }

        public IndicatorBuilder weight(String points) {
            this.weight = points == null ? null : new BigDecimal(points);
            return this;
        }

        public Indicator build() {
            return new Indicator(code, level1, level2, name, type, operator, value, valueMax, unit, valueSource, weight);
        }
    }
}
