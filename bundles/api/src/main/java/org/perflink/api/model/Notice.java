package org.perflink.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Accountability notice (两书一函) to a department or, since 1.2, to a lower region, and the steps of its follow-up
 * (跟踪问效, rules.md §5). The v1.1 fields ({@code scope} … {@code referralTo}) are null on a v1 notice, so its body
 * stays what v1 wrote; an escalation step carries them all.
 */
public record Notice(
        String noticeId,
        String regionCode,
        int year,
        String departmentCode,
        Type type,
        LocalDate dueDate,
        List<String> reasons,
        List<String> subjects,
        Scope scope,
        String subjectCode,
        LocalDate issuedOn,
        String caseId,
        String ruleId,
        String escalatedFrom,
        List<Trigger> triggers,
        ReferralTo referralTo) {

    /** 提醒敦促 / 要求整改 / 工作约谈, and (host contract v1.1, since 1.2) 移交/报送. */
    public enum Type { REMINDER, RECTIFICATION, INTERVIEW, REFERRAL }

    /** Whom a notice is addressed to (host contract v1.1, since 1.2). */
    public enum Scope { DEPARTMENT, REGION }

    /** Where a REFERRAL goes: 报送组织部门 or 线索移交纪检监察 (host contract v1.1, since 1.2). */
    public enum ReferralTo { ORGANIZATION, DISCIPLINE }

    /**
     * Why a step was issued (since 1.2): the trigger rule, the notice it found overdue or rejected, that notice's
     * due date, the decision date of a rejected feedback, and the follow-up date.
     */
    public record Trigger(String ruleId, String noticeId, LocalDate dueDate, LocalDate decidedOn, LocalDate asOf) {
    }

    public Notice {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        triggers = triggers == null || triggers.isEmpty() ? null : List.copyOf(triggers); // absent on v1 notices
    }

    /** A first notice to a department as v1 writes it. */
    public Notice(String noticeId, String regionCode, int year, String departmentCode, Type type, LocalDate dueDate,
            List<String> reasons, List<String> subjects) {
        this(noticeId, regionCode, year, departmentCode, type, dueDate, reasons, subjects, null, null, null, null, null,
                null, null, null);
    }

    /** The department or lower region addressed: {@code subjectCode} when set, else {@code departmentCode}. */
    public String subject() {
        return subjectCode != null ? subjectCode : departmentCode;
    }

    /** The scope addressed; a v1 notice is to a department. */
    public Scope scopeOrDefault() {
        return scope != null ? scope : Scope.DEPARTMENT;
    }

    /** The case this notice belongs to: its {@code caseId}, or its own id for a first notice. */
    public String caseOrSelf() {
        return caseId != null ? caseId : noticeId;
    }

    /** A first notice to a lower region (scope REGION, host contract v1.1, since 1.2). */
    public static Notice toRegion(String regionCode, int year, String lowerRegion, Type type, LocalDate dueDate,
            List<String> reasons, List<String> subjects) {
        return new Notice(idOfRegion(regionCode, year, lowerRegion, type), regionCode, year, null, type, dueDate, reasons,
                subjects, Scope.REGION, lowerRegion, null, null, null, null, null, null);
    }

    /** {@code {region}-{year}.REGION.{lowerRegion}.{type}} (since 1.2). */
    public static String idOfRegion(String regionCode, int year, String lowerRegion, Type type) {
        return regionCode + "-" + year + ".REGION." + lowerRegion + "." + type;
    }

    public static String idOf(String regionCode, int year, String departmentCode, Type type) {
        return regionCode + "-" + year + "." + departmentCode + "." + type;
    }

    /** {@code {caseId}.{TYPE}}: a step of a case (since 1.2). */
    public static String stepIdOf(String caseId, Type type) {
        return caseId + "." + type;
    }
}
