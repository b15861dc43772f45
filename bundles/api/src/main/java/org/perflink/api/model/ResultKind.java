package org.perflink.api.model;

/** The kinds of result PerfLink writes back, with their collection path and batch name. */
public enum ResultKind {
    VERDICT("verdicts", "verdict"),
    SCORE("scores", "score"),
    WARNING("warnings", "warning"),
    ADJUSTMENT("adjustments", "adjustment"),
    NOTICE("notices", "notice"),
    /** 考核 of a department or lower region, or an institution's quality grade (host contract v1.1, since 1.2). */
    ASSESSMENT("assessments", "assessment");

    private final String collection;
    private final String batchName;

    ResultKind(String collection, String batchName) {
        this.collection = collection;
        this.batchName = batchName;
    }

    /** Path segment under {@code /api/v1/regions/{r}/}. */
    public String collection() {
        return collection;
    }

    /** The {@code kind} of an item of {@code results:batch}. */
    public String batchName() {
        return batchName;
    }

    /**
     * The stage whose events produce results of this kind: verdicts {@link Stage#COMPILE 编制}, warnings
     * {@link Stage#EXECUTE 执行}, the rest {@link Stage#CLOSE 决算} (since 1.4).
     */
    public Stage stage() {
        return switch (this) {
            case VERDICT -> Stage.COMPILE;
            case WARNING -> Stage.EXECUTE;
            case SCORE, ADJUSTMENT, NOTICE, ASSESSMENT -> Stage.CLOSE;
        };
    }
}
