package org.perflink.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 事前绩效评估 of a new or major project; {@code score}: its points when the assessment gave some (since 1.2). */
public record ExAnte(Status status, Conclusion conclusion, LocalDate date, BigDecimal score) {
    public enum Status { NONE, DONE }

    public enum Conclusion { SUPPORT, SUPPORT_WITH_CHANGES, NOT_SUPPORT }

    /** An assessment as host contract v1 sends it. */
    public ExAnte(Status status, Conclusion conclusion, LocalDate date) {
        this(status, conclusion, date, null);
    }

    public boolean done() {
        return status == Status.DONE;
    }
}
