package org.perflink.execute.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Indicator.Level1;
import org.perflink.api.model.Indicator.Level2;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.model.IndicatorActual;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectKind;
import org.perflink.api.model.Target;
import org.perflink.api.rules.RulePack;

/** Small builders for monitoring test data: only what a test states differs from a plain project. */
public final class TestData {

    public static final String REGION = "440000";
    public static final int YEAR = 2027;

    private TestData() {
    }

    public static ProjectBuilder project(String code) {
        return new ProjectBuilder(code);
    }

    public static SnapshotBuilder snapshot(String code) {
        return new SnapshotBuilder(code);
    }

    /** A region pack over the built-in defaults: {@code pack("monitor.lag.blue", "0.05", …)}. */
    public static RulePack pack(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new RulePack(REGION, "1", values, RulePack.DEFAULT);
    }

    public static final class ProjectBuilder {
        private final String code;
        private String budget = "1000000.00";
        private final List<Indicator> indicators = new ArrayList<>();
        private boolean target = true;
        private String functionCode = "2050202";
        private ProjectKind kind = ProjectKind.PROJECT;
        private boolean major;

        private ProjectBuilder(String code) {
            this.code = code;
        }

        public ProjectBuilder budget(String amount) {
            budget = amount;
            return this;
        }

        /** A positive (GE) quantitative output indicator. */
        public ProjectBuilder ge(String indicatorCode, String value, String unit) {
            return quantitative(indicatorCode, Operator.GE, value, unit);
        }

        public ProjectBuilder quantitative(String indicatorCode, Operator op, String value, String unit) {
            indicators.add(new Indicator(indicatorCode, Level1.OUTPUT, Level2.QUANTITY, "指标" + indicatorCode,
                    Indicator.Type.QUANTITATIVE, op, value, null, unit, Indicator.ValueSource.PLAN, null));
            return this;
        }

        public ProjectBuilder qualitative(String indicatorCode) {
            indicators.add(new Indicator(indicatorCode, Level1.BENEFIT, Level2.SOCIAL, "指标" + indicatorCode,
                    Indicator.Type.QUALITATIVE, null, "明显改善", null, null, null, null));
            return this;
        }

        public ProjectBuilder functionCode(String code) {
            functionCode = code;
            return this;
        }

        public ProjectBuilder kind(ProjectKind projectKind) {
            kind = projectKind;
            return this;
        }

        public ProjectBuilder major() {
            major = true;
            return this;
        }

        public ProjectBuilder noTarget() {
            target = false;
            return this;
        }

        public Project build() {
            Target t = target ? new Target(Phase.PUBLISHED, Map.of(), List.of(), "目标", indicators) : null;
            return new Project(code, 1, REGION, YEAR, "101", "省教育厅", "101001", "单位", "项目" + code,
                    kind, functionCode, false, major, new BigDecimal(budget), Phase.PUBLISHED, Map.of(),
                    null, t);
        }
    }

    public static final class SnapshotBuilder {
        private final String code;
        private LocalDate asOf = LocalDate.of(YEAR, 7, 31);
        private String budget = "1000000.00";
        private String paid = "1000000.00";
        private final List<IndicatorActual> actuals = new ArrayList<>();

        private SnapshotBuilder(String code) {
            this.code = code;
        }

        public SnapshotBuilder asOf(LocalDate date) {
            asOf = date;
            return this;
        }

        public SnapshotBuilder budget(String amount) {
            budget = amount;
            return this;
        }

        public SnapshotBuilder paid(String amount) {
            paid = amount;
            return this;
        }

        public SnapshotBuilder actual(String indicatorCode, String actual) {
            actuals.add(new IndicatorActual(indicatorCode, actual));
            return this;
        }

        public ExecutionSnapshot build() {
            return new ExecutionSnapshot(code, asOf.getYear(), asOf, budget == null ? null : new BigDecimal(budget),
                    paid == null ? null : new BigDecimal(paid), actuals);
        }
    }
}
