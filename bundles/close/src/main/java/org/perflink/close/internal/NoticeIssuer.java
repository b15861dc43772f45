package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * 两书一函 (rules.md §3.4, [seed]): REMINDER 提醒敦促, RECTIFICATION 要求整改 and INTERVIEW 工作约谈, at most one
 * of each type per department and year, each with all its reasons (zh-CN) and the projects concerned.
 * Immutable; one instance per rule pack.
 */
public final class NoticeIssuer {

    public static final Param REMINDER_DUE_DAYS = Param.of("notice.reminder.dueDays", "20", "days from the notice date to the feedback due on a REMINDER (local)");
    public static final Param RECTIFICATION_DUE_DAYS = Param.of("notice.rectification.dueDays", "30", "days from the notice date to the rectification measures due (local)");
    public static final Param INTERVIEW_DUE_DAYS = Param.of("notice.interview.dueDays", "30", "days from the notice date to the due date of an INTERVIEW (local)");
    public static final Param INTERVIEW_POOR_PROJECTS = Param.of("notice.interview.poorProjects", "3", "this many POOR projects bring an INTERVIEW (P)");

    private final int reminderDays;
    private final int rectificationDays;
    private final int interviewDays;
    private final int interviewPoorProjects;

    public NoticeIssuer(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        this.reminderDays = pack.integer(REMINDER_DUE_DAYS);
        this.rectificationDays = pack.integer(RECTIFICATION_DUE_DAYS);
        this.interviewDays = pack.integer(INTERVIEW_DUE_DAYS);
        this.interviewPoorProjects = pack.integer(INTERVIEW_POOR_PROJECTS);
    }

    public static List<Param> parameters() {
        return List.of(REMINDER_DUE_DAYS, RECTIFICATION_DUE_DAYS, INTERVIEW_DUE_DAYS, INTERVIEW_POOR_PROJECTS);
    }

    /** The notices of one department, in the order REMINDER, RECTIFICATION, INTERVIEW; empty when nothing triggers. */
    public List<Notice> issue(String regionCode, int year, LocalDate noticeDate, DepartmentTally tally) {
        Objects.requireNonNull(noticeDate, "noticeDate");
        List<Notice> notices = new ArrayList<>(3);
        Grade composite = tally.compositeGrade();

        List<String> reminder = new ArrayList<>();
        SortedSet<String> reminderSubjects = new TreeSet<>();
        if (!tally.mediumProjects().isEmpty()) {
            reminder.add(reason("notice.reason.mediumProjects", tally.mediumProjects().size()));
            reminderSubjects.addAll(tally.mediumProjects());
        }
        if (!tally.inflatedProjects().isEmpty()) {
            reminder.add(reason("notice.reason.selfScoreInflated", tally.inflatedProjects().size()));
            reminderSubjects.addAll(tally.inflatedProjects());
        }
        if (tally.redWarningCount() > 0) {
            reminder.add(reason("notice.reason.redWarnings", tally.redWarningCount()));
            reminderSubjects.addAll(tally.redWarningProjects());
        }
        add(notices, regionCode, year, tally, Notice.Type.REMINDER, noticeDate.plusDays(reminderDays), reminder, reminderSubjects);

        List<String> rectification = new ArrayList<>();
        if (!tally.poorProjects().isEmpty()) {
            rectification.add(reason("notice.reason.poorProjects", tally.poorProjects().size()));
        }
        if (composite == Grade.MEDIUM) {
            rectification.add(reason("notice.reason.compositeGrade", Figures.score(tally.compositeScore()), GradeBands.word(composite).zh()));
        }
        add(notices, regionCode, year, tally, Notice.Type.RECTIFICATION, noticeDate.plusDays(rectificationDays),
                rectification, tally.poorProjects());

        List<String> interview = new ArrayList<>();
        if (composite == Grade.POOR) {
            interview.add(reason("notice.reason.compositeGrade", Figures.score(tally.compositeScore()), GradeBands.word(composite).zh()));
        }
        SortedSet<String> interviewSubjects = new TreeSet<>();
        if (tally.poorProjects().size() >= interviewPoorProjects) {
            interview.add(reason("notice.reason.manyPoorProjects", tally.poorProjects().size(), interviewPoorProjects));
            interviewSubjects.addAll(tally.poorProjects());
        }
        add(notices, regionCode, year, tally, Notice.Type.INTERVIEW, noticeDate.plusDays(interviewDays), interview, interviewSubjects);
        return notices;
    }

    private static void add(List<Notice> notices, String regionCode, int year, DepartmentTally tally, Notice.Type type,
            LocalDate due, List<String> reasons, SortedSet<String> subjects) {
        if (!reasons.isEmpty()) {
            String department = tally.departmentCode();
            notices.add(new Notice(Notice.idOf(regionCode, year, department, type), regionCode, year, department, type,
                    due, reasons, List.copyOf(subjects)));
        }
    }

    /** Reasons are written in zh-CN, the language of the notices themselves. */
    private static String reason(String key, Object... args) {
        Object[] formatted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            formatted[i] = String.valueOf(args[i]);
        }
        return Texts.text(key, formatted).zh();
    }
}
