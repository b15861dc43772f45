package org.perflink.close.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;

/**
 * What one subject's work assessment (rules.md §6) stands on, gathered while the year streams by: the facts of each
 * of its projects, the outcome of each notice of the year before addressed to it, and of each REDUCE/CANCEL
 * adjustment its projects' predecessors got, plus its §4 composite. Recording the same item again (an event handled
 * twice) replaces it, so the result does not depend on how often or in which order items came. Not thread-safe.
 */
public final class SubjectFacts {

    /** One notice of the year before: whether its latest feedback was submitted by its due date and ACCEPTED. */
    public record NoticeOutcome(String noticeId, boolean onTimeAccepted) {
    }

    /** One REDUCE/CANCEL adjustment with budget year Y: whether the successor project honoured it. */
    public record AppliedOutcome(String adjustmentId, boolean honoured) {
    }

    private final Assessment.Scope scope;
    private final String code;
    private final SortedMap<String, ProjectFacts> projects = new TreeMap<>();
    private final SortedMap<String, NoticeOutcome> notices = new TreeMap<>();
    private final SortedMap<String, AppliedOutcome> applied = new TreeMap<>();
    private BigDecimal composite;
    private Grade compositeGrade;

    public SubjectFacts(Assessment.Scope scope, String code) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.code = Objects.requireNonNull(code, "code");
    }

    public SubjectFacts project(ProjectFacts facts) {
        projects.put(facts.projectCode(), facts);
        return this;
    }

    public SubjectFacts notice(NoticeOutcome outcome) {
        notices.put(outcome.noticeId(), outcome);
        return this;
    }

    public SubjectFacts applied(AppliedOutcome outcome) {
        applied.put(outcome.adjustmentId(), outcome);
        return this;
    }

    /** The subject's §4.1/§4.3 composite, unrounded, and its grade. */
    public SubjectFacts composite(BigDecimal score, Grade grade) {
        this.composite = score;
        this.compositeGrade = grade;
        return this;
    }

    public Assessment.Scope scope() {
        return scope;
    }

    public String code() {
        return code;
    }

    public Collection<ProjectFacts> projects() {
        return Collections.unmodifiableCollection(projects.values());
    }

    public Collection<NoticeOutcome> notices() {
        return Collections.unmodifiableCollection(notices.values());
    }

    public Collection<AppliedOutcome> applied() {
        return Collections.unmodifiableCollection(applied.values());
    }

    /** Null when the subject has no composite (no department input, or no §4.3 composite yet). */
    public BigDecimal composite() {
        return composite;
    }

    public Grade compositeGrade() {
        return compositeGrade;
    }
}
