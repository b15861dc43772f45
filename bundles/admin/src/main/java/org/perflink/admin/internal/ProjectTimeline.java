package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.List;

import org.perflink.api.model.ResultKind;
import org.perflink.api.model.Stage;
import org.perflink.store.ResultLedger;

/**
 * A project's year as PerfLink decided it: its verdicts (编制), warnings (执行), score and adjustment (决算),
 * each kind in the order the store queued them (oldest result first, the latest body of each result), read
 * with {@link ResultLedger#resultsOf} — the results the host was (or is about to be) sent.
 * <p>
 * Notices are addressed to a department, not a project: they appear only when the store keeps one under the
 * project's code.
 */
public final class ProjectTimeline {

    /** The order of the year: verdicts → warnings → score → adjustment (→ notices). */
    public static final List<ResultKind> ORDER = List.of(ResultKind.VERDICT, ResultKind.WARNING, ResultKind.SCORE,
            ResultKind.ADJUSTMENT, ResultKind.NOTICE);

    /** At most this many characters of a project code. */
    public static final int MAX_CODE = 128;

    /**
     * One result: its kind, the stage that produced it, its JSON body as queued for the host, and whether it
     * is the newest result of its kind for the project.
     */
    public record Entry(ResultKind kind, Stage stage, String json, boolean latest) {
    }

    private ProjectTimeline() {
    }

    /** The stage that produces results of a kind. */
    public static Stage stageOf(ResultKind kind) {
        return kind.stage();
    }

    /** 结论 / 预警 / 评分 / 挂钩调整 / 问责通知. */
    public static String zh(ResultKind kind) {
        return switch (kind) {
            case VERDICT -> "结论";
            case WARNING -> "预警";
            case SCORE -> "评分";
            case ADJUSTMENT -> "挂钩调整";
            case NOTICE -> "问责通知";
            case ASSESSMENT -> "考核";
        };
    }

    /** The project's results in a region, in {@link #ORDER}. */
    public static List<Entry> of(ResultLedger store, String regionCode, String projectCode) {
        String project = requireProject(projectCode);
        List<Entry> entries = new ArrayList<>();
        for (ResultKind kind : ORDER) {
            List<String> bodies = store.resultsOf(regionCode, kind, project);
            for (int i = 0; i < bodies.size(); i++) {
                entries.add(new Entry(kind, stageOf(kind), bodies.get(i), i == bodies.size() - 1));
            }
        }
        return entries;
    }

    /** A project code as typed: stripped, not blank, at most {@link #MAX_CODE} characters, no control characters. */
    public static String requireProject(String projectCode) {
        String p = projectCode == null ? "" : projectCode.strip();
        if (p.isEmpty() || p.length() > MAX_CODE || p.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("项目代码无效 (invalid project code): 须为1至" + MAX_CODE
                    + "个字符且不含控制字符 (1 to " + MAX_CODE + " characters, no control characters)");
        }
        return p;
    }
}
