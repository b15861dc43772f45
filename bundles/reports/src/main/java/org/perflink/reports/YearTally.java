package org.perflink.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perflink.api.model.ResultKind;
import org.perflink.reports.YearFigures.Count;
import org.perflink.reports.YearFigures.Department;
import org.perflink.reports.YearFigures.LevelRow;
import org.perflink.reports.YearFigures.ProjectRow;

/**
 * Counts a region's year into {@link YearFigures}, one stored body at a time: the published targets the compile stage
 * kept ({@link #target}) and the latest body of each result ({@link #result}), in any order, of any year (another
 * year's or region's body is passed over). Only per-project and per-department figures are held, not the bodies.
 * <p>
 * The store's results name a project, not its department: a project's department is the one of its published
 * target, else of a notice that lists it among its subjects, else {@value YearFigures#UNKNOWN_DEPARTMENT}. A body that
 * cannot be read is left out and named in {@link YearFigures#problems()}; the others still count.
 */
public final class YearTally {

    /** At most this many unreadable bodies are named. */
    public static final int MAX_PROBLEMS = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> GRADES = List.of("EXCELLENT", "GOOD", "MEDIUM", "POOR");
    static final List<String> OUTCOMES = List.of("PASS", "WARN", "BLOCK");
    static final List<String> LEVELS = List.of("BLUE", "YELLOW", "RED", "NONE");
    private static final Set<String> REDUCING = Set.of("REDUCE", "SUSPEND", "CANCEL", "TERMINATE");

    private final String regionCode;
    private final int year;
    private final Map<String, ProjectTally> projects = new TreeMap<>();
    private final Map<String, String> departmentNames = new TreeMap<>();
    private final Map<String, String> noticedDepartment = new TreeMap<>();
    private final Map<String, long[]> rounds = new TreeMap<>();
    private final Map<ResultKind, Long> kinds = new EnumMap<>(ResultKind.class);
    private final Map<String, JsonNode> ceilings = new TreeMap<>();
    private final Map<String, JsonNode> envelopes = new TreeMap<>();
    private final List<JsonNode> notices = new ArrayList<>();
    private final List<JsonNode> assessments = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long publishedTargets;

    /** What is known of one project of the year. */
    static final class ProjectTally {
        String department;
        String name;
        String kind;
        BigDecimal budget;
        String verdictPhase;
        long verdictRevision = -1;
        String verdict;
        BigDecimal score;
        String grade;
        final long[] levels = new long[LEVELS.size()];
        BigDecimal adjustmentDelta;
        long reduced;
        long prioritized;
        long allocations;
    }

    public YearTally(String regionCode, int year) {
        this.regionCode = regionCode;
        this.year = year;
        for (ResultKind k : ResultKind.values()) {
            kinds.put(k, 0L);
        }
    }

    /** A kept published target (the open-data record, {@code docs/disclosure.md}). */
    public YearTally target(String body) {
        JsonNode t = read(body, "target");
        if (t == null || !mine(t, "year")) {
            return this;
        }
        String code = text(t, "projectCode");
        if (code == null) {
            return problem("target", "?", "projectCode");
        }
        ProjectTally p = project(code);
        p.department = orUnknown(text(t, "departmentCode"));
        p.name = text(t, "projectName");
        p.kind = text(t, "kind");
        p.budget = decimal(t, "budgetAmount");
        String deptName = text(t, "departmentName");
        if (deptName != null) {
            departmentNames.putIfAbsent(p.department, deptName);
        }
        publishedTargets++;
        return this;
    }

    /** The latest body of a result of {@code kind}. */
    public YearTally result(ResultKind kind, String body) {
        JsonNode r = read(body, kind.batchName());
        if (r == null || !mine(r, kind == ResultKind.ADJUSTMENT ? "evaluatedYear" : "year")) {
            return this;
        }
        kinds.merge(kind, 1L, Long::sum);
        switch (kind) {
            case VERDICT -> verdict(r);
            case SCORE -> score(r);
            case WARNING -> warning(r);
            case ADJUSTMENT -> adjustment(r);
            case NOTICE -> notice(r);
            case ASSESSMENT -> assessments.add(r);
        }
        return this;
    }

    private void verdict(JsonNode v) {
        String code = text(v, "projectCode");
        if (code == null) {
            problem("verdict", text(v, "verdictId"), "projectCode");
            return;
        }
        ProjectTally p = project(code);
        String phase = text(v, "phase");
        long revision = v.path("revision").asLong();
        if (p.verdictPhase == null || phaseOrder(phase) > phaseOrder(p.verdictPhase)
                || (phaseOrder(phase) == phaseOrder(p.verdictPhase) && revision > p.verdictRevision)) {
            p.verdictPhase = phase;
            p.verdictRevision = revision;
            p.verdict = text(v, "outcome");
        }
    }

    /** Compile phases in their order (ADJUST after PUBLISHED); an unknown phase first. */
    private static int phaseOrder(String phase) {
        return List.of("DRAFT", "LIBRARY", "DECLARED", "REVIEWED", "APPROVED", "PUBLISHED", "ADJUST").indexOf(phase);
    }

    private void score(JsonNode s) {
        String code = text(s, "projectCode");
        BigDecimal score = decimal(s, "score");
        if (code == null || score == null || !GRADES.contains(text(s, "grade"))) {
            problem("score", text(s, "scoreId"), code == null ? "projectCode" : score == null ? "score" : "grade");
            return;
        }
        ProjectTally p = project(code);
        p.score = score;
        p.grade = text(s, "grade");
    }

    private void warning(JsonNode w) {
        String code = text(w, "projectCode");
        int level = LEVELS.indexOf(text(w, "level"));
        String asOf = text(w, "asOf");
        if (code == null || level < 0 || asOf == null) {
            problem("warning", text(w, "warningId"), code == null ? "projectCode" : level < 0 ? "level" : "asOf");
            return;
        }
        project(code).levels[level]++;
        rounds.computeIfAbsent(asOf, d -> new long[LEVELS.size()])[level]++;
    }

    private void adjustment(JsonNode a) {
        String scope = text(a, "scope");
        String subject = text(a, "subjectCode");
        if (scope == null || subject == null) {
            problem("adjustment", text(a, "adjustmentId"), scope == null ? "scope" : "subjectCode");
            return;
        }
        switch (scope) {
            case "DEPARTMENT" -> ceilings.put(subject, a);
            case "REGION" -> envelopes.put(subject, a);
            default -> {
                ProjectTally p = project(subject);
                BigDecimal delta = decimal(a, "deltaAmount");
                p.adjustmentDelta = delta == null ? p.adjustmentDelta : sum(p.adjustmentDelta, delta);
                p.allocations++;
                String action = text(a, "action");
                p.reduced += REDUCING.contains(action) ? 1 : 0;
                p.prioritized += "PRIORITIZE".equals(action) ? 1 : 0;
            }
        }
    }

    private void notice(JsonNode n) {
        notices.add(n);
        String department = text(n, "departmentCode");
        if (department != null) {
            for (JsonNode s : n.path("subjects")) {
                noticedDepartment.putIfAbsent(s.asText(), department);
            }
        }
    }

    /** The year's figures; no department's projects listed. */
    public YearFigures build() {
        return build(null);
    }

    /** The year's figures with the projects of {@code drillDepartment} listed (none when null or unknown). */
    public YearFigures build(String drillDepartment) {
        projects.forEach((code, p) -> {
            if (p.department == null) {
                p.department = noticedDepartment.getOrDefault(code, YearFigures.UNKNOWN_DEPARTMENT);
            }
        });
        Map<String, List<Map.Entry<String, ProjectTally>>> byDepartment = new TreeMap<>();
        projects.entrySet().forEach(e -> byDepartment.computeIfAbsent(e.getValue().department, d -> new ArrayList<>()).add(e));
        Set<String> departmentCodes = new TreeSet<>(byDepartment.keySet());
        departmentCodes.addAll(ceilings.keySet());
        assessments.stream().filter(a -> "DEPARTMENT".equals(text(a, "scope"))).forEach(a -> departmentCodes.add(text(a, "subjectCode")));
        notices.stream().filter(n -> text(n, "departmentCode") != null).forEach(n -> departmentCodes.add(text(n, "departmentCode")));

        List<Department> departments = new ArrayList<>();
        List<LevelRow> warningsByDepartment = new ArrayList<>();
        for (String d : departmentCodes) {
            List<Map.Entry<String, ProjectTally>> own = byDepartment.getOrDefault(d, List.of());
            departments.add(department(d, own, d.equals(drillDepartment)));
            long[] levels = new long[LEVELS.size()];
            own.forEach(e -> add(levels, e.getValue().levels));
            if (levels[0] + levels[1] + levels[2] + levels[3] > 0) {
                warningsByDepartment.add(new LevelRow(d, name(d), levels[0], levels[1], levels[2], levels[3]));
            }
        }
        List<LevelRow> warningsByRound = new ArrayList<>();
        rounds.forEach((asOf, l) -> warningsByRound.add(new LevelRow(asOf, asOf, l[0], l[1], l[2], l[3])));
        YearSections sections = new YearSections(this::name);
        return new YearFigures(regionCode, year, numbers(departments.size()), grades(projects.values()),
                warningsByDepartment, warningsByRound,
                sections.linkage(ceilings, envelopes, departments, byDepartment),
                sections.composites(ceilings, envelopes), sections.notices(notices), sections.ranking(assessments),
                departments, problems);
    }

    private Department department(String code, List<Map.Entry<String, ProjectTally>> own, boolean drill) {
        BigDecimal budget = null;
        long warnings = 0;
        long red = 0;
        List<ProjectRow> rows = new ArrayList<>();
        for (Map.Entry<String, ProjectTally> e : own) {
            ProjectTally p = e.getValue();
            budget = p.budget == null ? budget : sum(budget, p.budget);
            warnings += p.levels[0] + p.levels[1] + p.levels[2];
            red += p.levels[2];
            if (drill) {
                rows.add(new ProjectRow(e.getKey(), p.name, p.kind, p.budget, p.verdictPhase, p.verdict, p.score,
                        p.grade, p.levels[0] + p.levels[1] + p.levels[2], worst(p.levels), p.adjustmentDelta));
            }
        }
        long noticeCount = notices.stream().filter(n -> code.equals(text(n, "departmentCode"))).count();
        return new Department(code, name(code), own.size(), budget,
                grades(own.stream().map(Map.Entry::getValue).toList()), warnings, red, noticeCount, rows);
    }

    private YearFigures.Numbers numbers(long departments) {
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal scoreSum = BigDecimal.ZERO;
        long scored = 0;
        long standing = 0;
        long red = 0;
        Map<String, Long> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(o -> outcomes.put(o, 0L));
        for (ProjectTally p : projects.values()) {
            budget = p.budget == null ? budget : budget.add(p.budget);
            if (p.score != null) {
                scoreSum = scoreSum.add(p.score);
                scored++;
            }
            if (p.verdict != null) {
                outcomes.merge(p.verdict, 1L, Long::sum);
            }
            standing += p.levels[0] + p.levels[1] + p.levels[2];
            red += p.levels[2];
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        kinds.forEach((k, n) -> byKind.put(k.name(), n));
        List<Count> verdicts = new ArrayList<>();
        outcomes.forEach((o, n) -> verdicts.add(new Count(o, Labels.zh(o), Labels.en(o), n)));
        BigDecimal mean = scored == 0 ? null : scoreSum.divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP);
        return new YearFigures.Numbers(projects.size(), departments, publishedTargets, budget, byKind, verdicts,
                standing, red, mean);
    }

    private static List<Count> grades(Iterable<ProjectTally> of) {
        long[] n = new long[GRADES.size()];
        for (ProjectTally p : of) {
            if (p.grade != null) {
                n[GRADES.indexOf(p.grade)]++;
            }
        }
        List<Count> out = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            out.add(new Count(GRADES.get(i), Labels.zh(GRADES.get(i)), Labels.en(GRADES.get(i)), n[i]));
        }
        return out;
    }

    /** The worst standing level of a project's warnings (RED, YELLOW, BLUE), else null. */
    private static String worst(long[] levels) {
        for (int i = 2; i >= 0; i--) {
            if (levels[i] > 0) {
                return LEVELS.get(i);
            }
        }
        return null;
    }

    /** A department's name as its published targets give it, else its code. */
    String name(String code) {
        if (YearFigures.UNKNOWN_DEPARTMENT.equals(code)) {
            return "未归属部门 (department unknown)";
        }
        return departmentNames.getOrDefault(code, code);
    }

    /** The projects tallied so far, by code (for {@link YearSections}). */
    Map<String, ProjectTally> projects() {
        return projects;
    }

    private ProjectTally project(String code) {
        return projects.computeIfAbsent(code, c -> new ProjectTally());
    }

    private boolean mine(JsonNode n, String yearField) {
        String region = text(n, "regionCode");
        return (region == null || region.equals(regionCode)) && n.path(yearField).asInt() == year;
    }

    private JsonNode read(String body, String what) {
        try {
            JsonNode n = body == null ? null : MAPPER.readTree(body);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (IOException e) {
            // named below
        }
        problem(what, "?", "(JSON)");
        return null;
    }

    private YearTally problem(String what, String id, String field) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("无法读取的" + Labels.zh(what) + " (unreadable " + what + ") " + (id == null ? "?" : id)
                    + ": " + field);
        }
        return this;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** A decimal field (a string or a number); null when absent or not a number. */
    static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal sum(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.add(b);
    }

    private static void add(long[] into, long[] more) {
        for (int i = 0; i < into.length; i++) {
            into[i] += more[i];
        }
    }

    private static String orUnknown(String department) {
        return department == null || department.isBlank() ? YearFigures.UNKNOWN_DEPARTMENT : department;
    }
}
