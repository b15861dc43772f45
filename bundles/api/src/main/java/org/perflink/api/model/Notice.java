package org.perflink.api.model;

import java.time.LocalDate;
import java.util.List;

/** Accountability notice (两书一函) to a department. */
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
        String subjectCode) {

    /** 提醒敦促 / 要求整改 / 工作约谈. */
    public enum Type { REMINDER, RECTIFICATION, INTERVIEW }

    /**
     * Whom a notice is addressed to (since 1.2): a DEPARTMENT of the region, or a lower REGION (host contract v1.1
     * only). A department's notice leaves {@code scope} and {@code subjectCode} null and keeps its v1 body.
     */
    public enum Scope { DEPARTMENT, REGION }

    public Notice {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** A notice to a department, as host contract v1 writes it. */
    public Notice(String noticeId, String regionCode, int year, String departmentCode, Type type, LocalDate dueDate,
            List<String> reasons, List<String> subjects) {
        this(noticeId, regionCode, year, departmentCode, type, dueDate, reasons, subjects, null, null);
    }

    /** To whom it goes: the department, else the lower region ({@code subjectCode}). */
    public String addressee() {
        return departmentCode != null ? departmentCode : subjectCode;
    }

    /** {@code {region}-{year}.REGION.{lowerRegion}.{type}} (since 1.2). */
    public static String idOfRegion(String regionCode, int year, String lowerRegion, Type type) {
        return regionCode + "-" + year + ".REGION." + lowerRegion + "." + type;
    }

    public static String idOf(String regionCode, int year, String departmentCode, Type type) {
        return regionCode + "-" + year + "." + departmentCode + "." + type;
    }
}
