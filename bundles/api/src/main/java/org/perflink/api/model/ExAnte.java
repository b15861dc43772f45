package org.perflink.api.model;

import java.time.LocalDate;

/** 事前绩效评估 of a new or major project. */
public record ExAnte(Status status, Conclusion conclusion, LocalDate date) {
    public enum Status { NONE, DONE }

    public enum Conclusion { SUPPORT, SUPPORT_WITH_CHANGES, NOT_SUPPORT }

    public boolean done() {
        return status == Status.DONE;
    }
}
