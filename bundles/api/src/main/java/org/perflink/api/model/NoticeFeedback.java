package org.perflink.api.model;

import java.time.LocalDate;

/**
 * A submission on a notice (host contract v1.1 {@code notice-feedback}, since 1.2). Several per notice; the
 * latest {@code submittedOn} counts. {@code comment} is free text and never exported.
 */
public record NoticeFeedback(String noticeId, LocalDate submittedOn, Status status, LocalDate decidedOn,
        Boolean violationClue, String comment) {

    public enum Status { SUBMITTED, ACCEPTED, REJECTED }
}
