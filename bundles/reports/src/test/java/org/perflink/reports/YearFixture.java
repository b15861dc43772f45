package org.perflink.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.model.Adjustment;
import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.model.Phase;
import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Score;
import org.perflink.api.model.Verdict;
import org.perflink.api.model.Warning;
import org.perflink.host.http.HostJson;

/**
 * A region's year as PerfLink's store holds it, for the figures and report tests: region 440000, year 2027, two
 * departments (101 教育局 with P1, P2; 102 卫生局 with P3 and P4, P4 known only from a notice), every result kind as
 * the host contract writes it, plus another year's and another region's results that must not count, and one
 * unreadable body.
 */
public final class YearFixture {

    public static final String REGION = "440000";
    public static final int YEAR = 2027;

    private static final ObjectMapper WIRE = HostJson.newMapper();

    /** The kept published targets (open-data records). */
    public final List<String> targets = new ArrayList<>();
    /** The latest result bodies by kind. */
    public final Map<ResultKind, List<String>> results = new LinkedHashMap<>();

    public YearFixture() {
        target("P1", "101", "教育局", "1000000.00", YEAR);
        target("P2", "101", "教育局", "2000000.00", YEAR);
        target("P3", "102", "卫生局", "500000.00", YEAR);
        target("P9", "101", "教育局", "7000000.00", YEAR - 1); // another year
        verdict("P1", Phase.DECLARED, 1, Verdict.Outcome.BLOCK);
        verdict("P1", Phase.PUBLISHED, 2, Verdict.Outcome.PASS);
        verdict("P2", Phase.PUBLISHED, 1, Verdict.Outcome.WARN);
        verdict("P3", Phase.PUBLISHED, 1, Verdict.Outcome.PASS);
        verdict("P4", Phase.DECLARED, 1, Verdict.Outcome.BLOCK);
        warning("P1", "2027-07-31", Warning.Type.EXECUTION_LAG, Warning.Level.RED);
        warning("P1", "2027-09-30", Warning.Type.EXECUTION_LAG, Warning.Level.NONE);
        warning("P2", "2027-07-31", Warning.Type.TARGET_DEVIATION, Warning.Level.YELLOW);
        warning("P4", "2027-07-31", Warning.Type.NO_DATA, Warning.Level.BLUE);
        score("P1", "92.00", Grade.EXCELLENT, YEAR);
        score("P2", "75.00", Grade.MEDIUM, YEAR);
        score("P3", "55.00", Grade.POOR, YEAR);
        score("P1", "60.00", Grade.POOR, YEAR - 1); // another year
        Map<String, Adjustment.Component> components = new LinkedHashMap<>();
        components.put("KEY_TARGETS", new Adjustment.Component(new BigDecimal("70.00"), new BigDecimal("0.2"),
                Adjustment.Source.PERFLINK, 4, null, null));
        components.put("OVERALL_EVALUATION", new Adjustment.Component(new BigDecimal("75.00"), new BigDecimal("0.4"),
                Adjustment.Source.HOST, null, null, null));
        add(ResultKind.ADJUSTMENT, new Adjustment(Adjustment.idOf(REGION, YEAR, Adjustment.Scope.DEPARTMENT, "101"),
                REGION, YEAR, YEAR + 1, Adjustment.Scope.DEPARTMENT, "101",
                Map.of("score", "72.50", "grade", "MEDIUM", "coefficient", "0.97"), Adjustment.Action.REDUCE,
                new BigDecimal("-0.0300"), new BigDecimal("120000000.00"), new BigDecimal("-3600000.00"),
                "LINK_DEPARTMENT_COMPOSITE", "部门综合", "department composite", components));
        project("P2", Adjustment.Action.REDUCE, "-200000.00");
        project("P3", Adjustment.Action.CANCEL, "-500000.00");
        add(ResultKind.ADJUSTMENT, new Adjustment(Adjustment.idOf(REGION, YEAR, Adjustment.Scope.REGION, "440100"),
                REGION, YEAR, YEAR + 1, Adjustment.Scope.REGION, "440100",
                Map.of("score", "88.00", "grade", "GOOD", "coefficient", "1.00"), Adjustment.Action.KEEP,
                new BigDecimal("0.0000"), new BigDecimal("30000000.00"), new BigDecimal("0.00"),
                "LINK_REGION_COMPOSITE", "下级", "lower region", Map.of()));
        add(ResultKind.NOTICE, new Notice(Notice.idOf(REGION, YEAR, "101", Notice.Type.REMINDER), REGION, YEAR, "101",
                Notice.Type.REMINDER, LocalDate.parse("2028-03-21"), List.of("MEDIUM"), List.of("P2")));
        String first = Notice.idOf(REGION, YEAR, "102", Notice.Type.RECTIFICATION);
        add(ResultKind.NOTICE, new Notice(first, REGION, YEAR, "102", Notice.Type.RECTIFICATION,
                LocalDate.parse("2028-03-31"), List.of("POOR"), List.of("P3", "P4")));
        add(ResultKind.NOTICE, new Notice(Notice.stepIdOf(first, Notice.Type.INTERVIEW), REGION, YEAR, "102",
                Notice.Type.INTERVIEW, LocalDate.parse("2028-05-30"), List.of("overdue"), List.of("P3", "P4"),
                Notice.Scope.DEPARTMENT, "102", LocalDate.parse("2028-04-30"), first, "NOTICE_ESCALATED", first,
                List.of(), null));
        assessment("101", 2, "78.50", Grade.MEDIUM, null);
        assessment("102", 1, "91.25", Grade.EXCELLENT, "PRAISE");
        results.get(ResultKind.SCORE).add("{not json");
        // another region's verdict, in the same list: not this region's figures
        add(ResultKind.VERDICT, new Verdict(Verdict.idOf("Q1", Phase.PUBLISHED, 1), "Q1", "440100", YEAR,
                Phase.PUBLISHED, 1, Verdict.Outcome.PASS, List.of(), "gd", OffsetDateTime.parse("2027-03-01T08:00:00Z")));
    }

    /** The fixture's bodies counted into the year's figures, kinds in the given order. */
    public YearFigures figures(String drill) {
        YearTally tally = new YearTally(REGION, YEAR);
        targets.forEach(tally::target);
        results.forEach((kind, bodies) -> bodies.forEach(b -> tally.result(kind, b)));
        return tally.build(drill);
    }

    private void target(String project, String dept, String deptName, String budget, int year) {
        targets.add("{\"regionCode\":\"" + REGION + "\",\"year\":" + year + ",\"departmentCode\":\"" + dept
                + "\",\"departmentName\":\"" + deptName + "\",\"projectCode\":\"" + project + "\",\"projectName\":\""
                + "项目" + project + "\",\"kind\":\"PROJECT\",\"budgetAmount\":\"" + budget + "\",\"indicators\":[]}");
    }

    private void verdict(String project, Phase phase, long revision, Verdict.Outcome outcome) {
        add(ResultKind.VERDICT, new Verdict(Verdict.idOf(project, phase, revision), project, REGION, YEAR, phase,
                revision, outcome, List.of(), "gd", OffsetDateTime.parse("2027-03-01T08:00:00Z")));
    }

    private void warning(String project, String asOf, Warning.Type type, Warning.Level level) {
        LocalDate date = LocalDate.parse(asOf);
        add(ResultKind.WARNING, new Warning(Warning.idOf(project, date, type), project, REGION, YEAR, date, type, level,
                Map.of(), Map.of(), Warning.Action.CORRECT, "MONITOR_" + type, "预警", "warning"));
    }

    private void score(String project, String score, Grade grade, int year) {
        add(ResultKind.SCORE, new Score(Score.idOf(project, year), project, REGION, year, new BigDecimal(score), grade,
                Score.Source.SELF_EVALUATION, List.of(), null, List.of(), "gd"));
    }

    private void project(String project, Adjustment.Action action, String delta) {
        add(ResultKind.ADJUSTMENT, new Adjustment(Adjustment.idOf(REGION, YEAR, Adjustment.Scope.PROJECT, project),
                REGION, YEAR, YEAR + 1, Adjustment.Scope.PROJECT, project, Map.of("score", "55.00"), action,
                new BigDecimal("-0.1000"), new BigDecimal("2000000.00"), new BigDecimal(delta), "LINK_PROJECT_GRADE",
                "项目挂钩", "project linkage"));
    }

    private void assessment(String dept, int rank, String total, Grade grade, String list) {
        add(ResultKind.ASSESSMENT, new Assessment(Assessment.idOf(REGION, YEAR, Assessment.Scope.DEPARTMENT, dept),
                REGION, YEAR, Assessment.Scope.DEPARTMENT, dept, new BigDecimal(total), grade, rank, 2,
                new BigDecimal("80.00"), list, List.of(), "gd", OffsetDateTime.parse("2028-04-01T08:00:00Z")));
    }

    private void add(ResultKind kind, Object body) {
        try {
            results.computeIfAbsent(kind, k -> new ArrayList<>()).add(WIRE.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
