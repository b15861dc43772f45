package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 事前绩效评估 of a new or major project. Since 1.2 (host contract v1.1): {@code level} DEPARTMENT (部门评估,
 * also when absent) or FINANCE (财政重点评估), its {@code score} (its points when the assessment gave some) and who
 * assessed it ({@code evaluatorIds}).
 */
public record ExAnte(Status status, Conclusion conclusion, LocalDate date, Level level, BigDecimal score,
        List<String> evaluatorIds) {
    public enum Status { NONE, DONE }

    public enum Conclusion { SUPPORT, SUPPORT_WITH_CHANGES, NOT_SUPPORT }

    /** Who led the assessment. */
    public enum Level { DEPARTMENT, FINANCE }

    public ExAnte {
        evaluatorIds = evaluatorIds == null ? List.of() : List.copyOf(evaluatorIds);
    }

    /** An assessment as host contract v1 describes it. */
    public ExAnte(Status status, Conclusion conclusion, LocalDate date) {
        this(status, conclusion, date, null, null, null);
    }

    /** The level, DEPARTMENT when the host sent none. */
    public Level levelOrDefault() {
        return level == null ? Level.DEPARTMENT : level;
    }

    /** An assessment with its points and no level or evaluators (since 1.2). */
    public ExAnte(Status status, Conclusion conclusion, LocalDate date, BigDecimal score) {
        this(status, conclusion, date, null, score, null);
    }

    public boolean done() {
        return status == Status.DONE;
    }
}
