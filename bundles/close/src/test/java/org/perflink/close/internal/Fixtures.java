package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.IndicatorActual;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Recurrence;
import org.perflink.api.model.Target;
import org.perflink.api.rules.RulePack;

/** Test data in the shapes of host contract v1. */
public final class Fixtures {

    public static final String REGION = "440000";
    public static final int YEAR = 2027;

    private Fixtures() {
    }

    public static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    public static RulePack pack(String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new RulePack("test", "1", values, RulePack.DEFAULT);
    }

    public static Indicator quant(String code, Level1 level1, Operator op, String value, String unit, String weight) {
        return new Indicator(code, level1, null, code + "指标", Indicator.Type.QUANTITATIVE, op, value, null, unit,
                Indicator.ValueSource.PLAN, d(weight));
    }

    public static Indicator range(String code, Level1 level1, String min, String max, String unit, String weight) {
        return new Indicator(code, level1, null, code + "指标", Indicator.Type.QUANTITATIVE, Operator.RANGE, min, max, unit,
                Indicator.ValueSource.PLAN, d(weight));
    }

    public static Indicator qual(String code, Level1 level1, String weight) {
        return new Indicator(code, level1, null, code + "指标", Indicator.Type.QUALITATIVE, null, "显著提升", null, null,
                null, d(weight));
    }

    public static Indicator cost(String code, String value, String unit, String weight) {
        return quant(code, Level1.COST, Operator.LE, value, unit, weight);
    }

    public static Project project(String code, String department, ProjectKind kind, List<Indicator> indicators) {
        Target target = new Target(Phase.PUBLISHED, Map.of(), List.of(), "总体目标", indicators);
        return new Project(code, 3, REGION, YEAR, department, "部门" + department, department + "001", "单位", "项目" + code,
                kind, "2050202", false, false, d("2000000.00"), Phase.PUBLISHED, Map.of(), null, target);
    }

    public static Project project(String code, List<Indicator> indicators) {
        return project(code, "101", ProjectKind.PROJECT, indicators);
    }

    /** rules.md §3.1 worked check: OUTPUT 20/15/15, BENEFIT 30, SATISFACTION 10. */
    public static List<Indicator> workedIndicators() {
        return List.of(
                quant("O1", Level1.OUTPUT, Operator.GE, "100", "所", "20"),
                quant("O2", Level1.OUTPUT, Operator.GE, "95", "%", "15"),
                quant("O3", Level1.OUTPUT, Operator.GE, "100", "%", "15"),
                quant("B1", Level1.BENEFIT, Operator.GE, "1000", "人", "30"),
                quant("S1", Level1.SATISFACTION, Operator.GE, "90", "%", "10"));
    }

    public static Input workedInput(String code) {
        return input(code).budget("2000000").paid("1900000")
                .actual("O1", "90").actual("O2", "96").actual("O3", "100").actual("B1", "800").actual("S1", "85");
    }

    public static Input input(String code) {
        return new Input(code);
    }

    /**
     * A project scored exactly {@code score} (≥ 10): full execution (10) plus one GE indicator of weight 90
     * reaching {@code score − 10} of 90.
     */
    public static Project exactProject(String code, String department, ProjectKind kind) {
        return project(code, department, kind, List.of(quant("I1", Level1.OUTPUT, Operator.GE, "90", "分", "90")));
    }

    public static Input exactInput(String code, String score) {
        return input(code).budget("1000000").paid("1000000").actual("I1", d(score).subtract(BigDecimal.TEN).toPlainString());
    }

    public static DepartmentEvaluationInput department(String code, String baseline, Map<String, String> components,
            String... deductionPoints) {
        Map<String, BigDecimal> c = new LinkedHashMap<>();
        components.forEach((k, v) -> c.put(k, d(v)));
        List<DepartmentEvaluationInput.Deduction> deductions = new ArrayList<>();
        Arrays.stream(deductionPoints).forEach(p -> deductions.add(new DepartmentEvaluationInput.Deduction("AUDIT", d(p), "审计报告")));
        return new DepartmentEvaluationInput(code, YEAR, c, deductions, d(baseline));
    }

    public static Map<String, String> components(String assessment, String targets, String monitoring, String overall) {
        Map<String, String> m = new LinkedHashMap<>();
        if (assessment != null) {
            m.put("KEY_ASSESSMENT", assessment);
        }
        if (targets != null) {
            m.put("KEY_TARGETS", targets);
        }
        if (monitoring != null) {
            m.put("KEY_MONITORING", monitoring);
        }
        if (overall != null) {
            m.put("OVERALL_EVALUATION", overall);
        }
        return m;
    }

    /** Builder of a ProjectEvaluationInput. */
    public static final class Input {
        private final String code;
        private String department = "101";
        private ProjectKind kind = ProjectKind.PROJECT;
        private Recurrence recurrence = Recurrence.CONTINUING;
        private String budget = "1000000";
        private String paid = "1000000";
        private final List<IndicatorActual> actuals = new ArrayList<>();
        private String selfScore;
        private String keyScore;
        private String request = "1000000.00";
        private final Map<Integer, BigDecimal> requests = new LinkedHashMap<>();

        Input(String code) {
            this.code = code;
        }

        public Input department(String v) { department = v; return this; }
        public Input kind(ProjectKind v) { kind = v; return this; }
        public Input recurrence(Recurrence v) { recurrence = v; return this; }
        public Input budget(String v) { budget = v; return this; }
        public Input paid(String v) { paid = v; return this; }
        public Input actual(String indicator, String actual) { actuals.add(new IndicatorActual(indicator, actual)); return this; }
        public Input selfScore(String v) { selfScore = v; return this; }
        public Input keyScore(String v) { keyScore = v; return this; }
        public Input request(String v) { request = v; return this; }
        public Input request(int budgetYear, String v) { requests.put(budgetYear, d(v)); return this; }
        /** An indicator the host marks not applicable (since contract 1.1), with its reason (null or blank: none). */
        public Input notApplicable(String indicator, String reason) {
            actuals.add(new IndicatorActual(indicator, null, true, reason));
            return this;
        }

        public ProjectEvaluationInput build() {
            return new ProjectEvaluationInput(code, YEAR, kind, recurrence, department, d(budget), d(paid), actuals,
                    d(selfScore), d(keyScore), d(request), requests);
        }
    }
}
