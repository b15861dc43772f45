package org.perflink.api.model;

/**
 * A result on its way to the host: its kind, its deterministic id, the subject whose results must be
 * delivered in order (a project or department code), and the body record.
 */
public record HostResult(ResultKind kind, String regionCode, String id, String subject, Object body) {

    public static HostResult of(Verdict v) {
        return new HostResult(ResultKind.VERDICT, v.regionCode(), v.verdictId(), v.projectCode(), v);
    }

    public static HostResult of(Score s) {
        return new HostResult(ResultKind.SCORE, s.regionCode(), s.scoreId(), s.projectCode(), s);
    }

    public static HostResult of(Warning w) {
        return new HostResult(ResultKind.WARNING, w.regionCode(), w.warningId(), w.projectCode(), w);
    }

    public static HostResult of(Adjustment a) {
        return new HostResult(ResultKind.ADJUSTMENT, a.regionCode(), a.adjustmentId(), a.subjectCode(), a);
    }

    public static HostResult of(Notice n) {
        return new HostResult(ResultKind.NOTICE, n.regionCode(), n.noticeId(), n.addressee(), n);
    }

    /** Since 1.2 (host contract v1.1 only). */
    public static HostResult of(Assessment a) {
        return new HostResult(ResultKind.ASSESSMENT, a.regionCode(), a.assessmentId(), a.subjectCode(), a);
    }
}
