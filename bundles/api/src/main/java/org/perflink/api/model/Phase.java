package org.perflink.api.model;

/**
 * Phases of a stage event, and of a budget or target. The compile phases are ordered:
 * DRAFT &lt; DECLARED &lt; REVIEWED &lt; APPROVED &lt; PUBLISHED.
 */
public enum Phase {
    DRAFT(Stage.COMPILE),
    /** 编制申报 */
    DECLARED(Stage.COMPILE),
    /** 上会审核 */
    REVIEWED(Stage.COMPILE),
    /** 批复 */
    APPROVED(Stage.COMPILE),
    /** 公开 */
    PUBLISHED(Stage.COMPILE),
    /** 运行监控 round at a cut-off date. */
    MONITOR(Stage.EXECUTE),
    /** 绩效评价: post-year evaluation data is ready. */
    EVALUATE(Stage.CLOSE),
    /** 结果应用: linkage for the next budget year. */
    LINK(Stage.CLOSE);

    private final Stage stage;

    Phase(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    /** True for a compile phase that is at or after {@code other} (both must be compile phases). */
    public boolean atLeast(Phase other) {
        return stage == Stage.COMPILE && other.stage == Stage.COMPILE && compareTo(other) >= 0;
    }

    /** Null-safe: a missing phase is before every phase. */
    public static boolean isBefore(Phase phase, Phase other) {
        return phase == null || !phase.atLeast(other);
    }
}
