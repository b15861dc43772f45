package org.perflink.api.model;

/** The three stages of the budget year that PerfLink hooks into. */
public enum Stage {
    /** 编制: target checks, verdicts. */
    COMPILE,
    /** 执行: dual monitoring, warnings. */
    EXECUTE,
    /** 决算: scores, linkage adjustments, notices. */
    CLOSE
}
