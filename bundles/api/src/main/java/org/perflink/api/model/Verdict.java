package org.perflink.api.model;

import java.time.OffsetDateTime;
import java.util.List;

/** The compile-stage verdict on one revision of a project's target. */
public record Verdict(
        String verdictId,
        String projectCode,
        String regionCode,
        int year,
        Phase phase,
        long revision,
        Outcome outcome,
        List<Finding> findings,
        String rulePack,
        OffsetDateTime checkedAt) {

    public enum Outcome { PASS, WARN, BLOCK }

    public Verdict {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** {@code {projectCode}.{phase}.r{revision}}: the same decision on the same input has the same id. */
    public static String idOf(String projectCode, Phase phase, long revision) {
        return projectCode + "." + phase + ".r" + revision;
    }

    /** BLOCK if any finding is BLOCK, else WARN if any is WARN, else PASS. */
    public static Outcome outcomeOf(List<Finding> findings) {
        Outcome outcome = Outcome.PASS;
        for (Finding f : findings) {
            if (f.severity() == Severity.BLOCK) {
                return Outcome.BLOCK;
            }
            if (f.severity() == Severity.WARN) {
                outcome = Outcome.WARN;
            }
        }
        return outcome;
    }
}
