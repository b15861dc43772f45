package org.perflink.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The figures of one region's budget year as PerfLink's store holds them (no host call): what the annual report, the
 * admin page's dashboard and {@code GET regions/{code}/figures} show. Made by {@link YearTally} from the latest body
 * of every result of the year and the published targets the compile stage kept; a result kind the store does not
 * hold for the year leaves its section empty (a year without close results still has its numbers and warnings).
 * Every list is in a fixed order (codes ascending, or rank), so the same store gives the same figures. Money in 元,
 * BigDecimal.
 *
 * @param numbers the year in numbers
 * @param grades the projects' Scores by grade (EXCELLENT, GOOD, MEDIUM, POOR), each grade listed
 * @param warningsByDepartment the year's warnings by the project's department and level
 * @param warningsByRound the year's warnings by monitoring round ({@code asOf}) and level
 * @param linkage the budget effect of linkage (挂钩) per department and lower region
 * @param composites the composites and coefficients of departments and lower regions
 * @param notices the notices (两书一函) and their follow-up (跟踪问效)
 * @param ranking the work assessments (考核) by scope and rank
 * @param departments every department with its projects' figures; a department's {@code projects} are filled only
 *        for the drill-down of that department
 * @param problems stored bodies that could not be read (at most {@value YearTally#MAX_PROBLEMS}), each naming the
 *        result and the field; they are left out of the figures, the rest still count
 */
public record YearFigures(String regionCode, int year, Numbers numbers, List<Count> grades,
        List<LevelRow> warningsByDepartment, List<LevelRow> warningsByRound, List<Linkage> linkage,
        List<Composite> composites, Notices notices, List<Rank> ranking, List<Department> departments,
        List<String> problems) {

    /** What a project or department is filed under when the store does not say which department it belongs to. */
    public static final String UNKNOWN_DEPARTMENT = "-";

    public YearFigures {
        grades = List.copyOf(grades);
        warningsByDepartment = List.copyOf(warningsByDepartment);
        warningsByRound = List.copyOf(warningsByRound);
        linkage = List.copyOf(linkage);
        composites = List.copyOf(composites);
        ranking = List.copyOf(ranking);
        departments = List.copyOf(departments);
        problems = List.copyOf(problems);
    }

    /**
     * The year in numbers: projects with any result or published target of the year, the departments they belong to,
     * the published targets and their budget (Σ budgetAmount), the latest results of the year by kind (every kind
     * listed, 0 when absent), the projects by the outcome of their latest verdict, the warnings that stand (level not
     * NONE) and the mean project score (null without Scores).
     */
    public record Numbers(long projects, long departments, long publishedTargets, BigDecimal budget,
            Map<String, Long> resultsByKind, List<Count> verdictOutcomes, long warnings, long redWarnings,
            BigDecimal meanScore) {
        public Numbers {
            resultsByKind = Map.copyOf(resultsByKind);
            verdictOutcomes = List.copyOf(verdictOutcomes);
        }
    }

    /** A labelled count: its key (a grade, an outcome, a notice type), its zh-CN and English label and the count. */
    public record Count(String key, String zh, String en, long n) {
    }

    /**
     * Warnings by level under one key (a department code or a round's date), with the key's label (a department's
     * name; the date) and {@code cleared}: warnings of the key whose latest body is level NONE.
     */
    public record LevelRow(String key, String label, long blue, long yellow, long red, long cleared) {
        public long standing() {
            return blue + yellow + red;
        }
    }

    /**
     * The budget effect of linkage for one department (scope DEPARTMENT) or lower region (REGION): the ceiling (控制数)
     * or transfer envelope moved by its composite ({@code base}, {@code delta}, {@code ratio}, {@code action}; null
     * without such an Adjustment), and apart from it, never added to it, the allocations inside the ceiling: the count
     * and Σ delta of the PROJECT/POLICY/TRANSFER Adjustments of the department's projects (rules.md §3.3).
     */
    public record Linkage(String scope, String code, String name, Integer budgetYear, BigDecimal base, BigDecimal delta,
            BigDecimal ratio, String action, long allocations, BigDecimal allocationDelta, long reduced,
            long prioritized) {
    }

    /**
     * A department's or lower region's composite (rules.md §3.3, §4) as its linkage Adjustment states it: the score,
     * its grade, the coefficient (or factor) and each component's score and source.
     */
    public record Composite(String scope, String code, String name, BigDecimal score, String grade,
            BigDecimal coefficient, List<Component> components) {
        public Composite {
            components = List.copyOf(components);
        }
    }

    /** One component of a composite: its name, score, weight and source (HOST | PERFLINK). */
    public record Component(String name, BigDecimal score, BigDecimal weight, String source) {
    }

    /**
     * The year's notices by type, and their cases (rules.md §5): each case with its steps, its latest step and its
     * follow-up state ({@link Case#state}).
     */
    public record Notices(List<Count> byType, List<Count> byState, List<Case> cases) {
        public Notices {
            byType = List.copyOf(byType);
            byState = List.copyOf(byState);
            cases = List.copyOf(cases);
        }
    }

    /**
     * One case: the first notice's id, whom it addresses (scope, code, name), the first and latest step's type, the
     * number of steps, the latest step's due date (none on a REFERRAL) and where it is sent, and the state:
     * {@code ISSUED} (only the first notice), {@code ESCALATED} (a later step issued), {@code REFERRED} (移交/报送).
     */
    public record Case(String caseId, String scope, String subject, String name, String firstType, String latestType,
            int steps, String dueDate, String referralTo, String state) {
    }

    /** One row of the ranking (rules.md §6). */
    public record Rank(String scope, String code, String name, int rank, int rankOf, BigDecimal total, String grade,
            BigDecimal composite, String list) {
    }

    /**
     * A department's figures: its projects, their budget, their grades and warnings, the notices to it; its
     * {@code projects} only in a drill-down ({@link YearTally#build(String)}), else empty.
     */
    public record Department(String code, String name, long projectCount, BigDecimal budget, List<Count> grades,
            long warnings, long redWarnings, long notices, List<ProjectRow> projects) {
        public Department {
            grades = List.copyOf(grades);
            projects = List.copyOf(projects);
        }
    }

    /**
     * A project in a department's drill-down: name, kind and budget of its published target (null when none is kept),
     * its latest verdict's phase and outcome, its Score and grade, its warnings that stand and the worst level, and the
     * Σ delta of its linkage Adjustments. Its timeline is {@code GET regions/{code}/projects/{project}/timeline}.
     */
    public record ProjectRow(String projectCode, String name, String kind, BigDecimal budget, String verdictPhase,
            String verdict, BigDecimal score, String grade, long warnings, String worstLevel,
            BigDecimal adjustmentDelta) {
    }
}
