package org.perflink.api.model;

/**
 * Phases of a stage event, and of a budget or target. The compile phases are ordered:
 * DRAFT &lt; LIBRARY &lt; DECLARED &lt; REVIEWED &lt; APPROVED &lt; PUBLISHED. ADJUST (since 1.2) is a compile
 * event phase outside that order: it comes after APPROVED whenever a target is revised.
 */
public enum Phase {
    DRAFT(Stage.COMPILE),
    /** 入库评审: applying to enter the project library, before DECLARED (host contract v1.1, since 1.2). */
    LIBRARY(Stage.COMPILE),
    /** 编制申报 */
    DECLARED(Stage.COMPILE),
    /** 上会审核 */
    REVIEWED(Stage.COMPILE),
    /** 批复 */
    APPROVED(Stage.COMPILE),
    /** 公开 */
    PUBLISHED(Stage.COMPILE),
    /** 绩效目标调整: a target revised or a budget adjusted after APPROVED (host contract v1.1, since 1.2). */
    ADJUST(Stage.COMPILE),
    /** 运行监控 round at a cut-off date. */
    MONITOR(Stage.EXECUTE),
    /** 绩效评价: post-year evaluation data is ready. */
    EVALUATE(Stage.CLOSE),
    /** 结果应用: linkage for the next budget year. */
    LINK(Stage.CLOSE),
    /** 跟踪问效: follow up the year's notices at {@code asOf} (host contract v1.1, since 1.2). */
    FOLLOW_UP(Stage.CLOSE);

    private final Stage stage;

    Phase(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * True for a compile phase that is at or after {@code other} (both must be compile phases). ADJUST is
     * outside the order: it is at least only itself.
     */
    public boolean atLeast(Phase other) {
        if (this == ADJUST || other == ADJUST) {
            return this == other;
        }
        return stage == Stage.COMPILE && other.stage == Stage.COMPILE && compareTo(other) >= 0;
    }

    /** Null-safe: a missing phase is before every phase. */
    public static boolean isBefore(Phase phase, Phase other) {
        return phase == null || !phase.atLeast(other);
    }
}
