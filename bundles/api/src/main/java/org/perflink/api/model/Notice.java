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
        List<String> subjects) {

    /** 提醒敦促 / 要求整改 / 工作约谈. */
    public enum Type { REMINDER, RECTIFICATION, INTERVIEW }

    public Notice {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    public static String idOf(String regionCode, int year, String departmentCode, Type type) {
        return regionCode + "-" + year + "." + departmentCode + "." + type;
    }
}
