package org.perflink.close.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.perflink.api.model.Grade;
import org.perflink.api.model.Notice;
import org.perflink.api.rules.RulePack;

/**
 * Notices to lower regions from R's whole-year LINK (rules.md §5, last bullet): REMINDER 提醒敦促 when L's §4.3
 * composite is MEDIUM, RECTIFICATION 要求整改 when POOR, due days as for departments; ids
 * {@code {R}-{Y}.REGION.{L}.{TYPE}}, scope REGION (host contract v1.1 only). The INTERVIEW of a lower region on the
 * §6 CRITICISM list is issued by the assessment through {@link #interview}. Immutable; one instance per rule pack.
 */
public final class RegionNotices {

    private final int reminderDays;
    private final int rectificationDays;
    private final int interviewDays;

    public RegionNotices(RulePack pack) {
        Objects.requireNonNull(pack, "pack");
        this.reminderDays = pack.integer(NoticeIssuer.REMINDER_DUE_DAYS);
        this.rectificationDays = pack.integer(NoticeIssuer.RECTIFICATION_DUE_DAYS);
        this.interviewDays = pack.integer(NoticeIssuer.INTERVIEW_DUE_DAYS);
    }

    /**
     * The composite's notice to L, if its grade calls for one.
     *
     * @param subjects L's projects the notice names (its worst scored ones)
     */
    public Optional<Notice> issue(String regionCode, int year, RegionComposite.Result composite, LocalDate noticeDate,
            List<String> subjects) {
        Objects.requireNonNull(noticeDate, "noticeDate");
        String lower = composite.lowerRegion();
        String score = Figures.score(composite.score());
        if (composite.grade() == Grade.MEDIUM) {
            return Optional.of(notice(regionCode, year, lower, Notice.Type.REMINDER, noticeDate.plusDays(reminderDays),
                    List.of(Texts.text("region.notice.medium", lower, year, score).zh()), subjects));
        }
        if (composite.grade() == Grade.POOR) {
            return Optional.of(notice(regionCode, year, lower, Notice.Type.RECTIFICATION,
                    noticeDate.plusDays(rectificationDays), List.of(Texts.text("region.notice.poor", lower, year, score).zh()),
                    subjects));
        }
        return Optional.empty();
    }

    /**
     * The seam for §6: the INTERVIEW 工作约谈 of a lower region on the CRITICISM list, with the assessment's reasons
     * (zh-CN), due as a department's INTERVIEW.
     */
    public Notice interview(String regionCode, int year, String lower, LocalDate noticeDate, List<String> reasons,
            List<String> subjects) {
        return notice(regionCode, year, lower, Notice.Type.INTERVIEW, noticeDate.plusDays(interviewDays), reasons, subjects);
    }

    private static Notice notice(String regionCode, int year, String lower, Notice.Type type, LocalDate due,
            List<String> reasons, List<String> subjects) {
        return Notice.toRegion(regionCode, year, lower, type, due, reasons, subjects);
    }
}
