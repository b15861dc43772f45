package org.perflink.execute.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.perflink.api.model.Indicator;
import org.perflink.api.model.Project;
import org.perflink.api.model.Warning;

/**
 * A round after a target adjustment (§8) monitors against the target the host returns, which is the adjusted
 * one; its TARGET_* warnings say so: {@code targetAdjusted}, the date the revision was requested and, where the
 * worst indicator changed, its approved value, with a note in both languages.
 */
public final class AdjustedTarget {

    static final String NOTE_ZH = "（按调整后的绩效目标监控）";
    static final String NOTE_EN = " (monitored against the adjusted target)";

    private AdjustedTarget() {
    }

    /** Replaces each target warning of a project with a target revision by its marked copy. */
    public static void mark(Project project, List<Warning> targetWarnings) {
        Project.TargetRevision revision = project == null ? null : project.targetRevision();
        if (revision == null) {
            return;
        }
        for (int i = 0; i < targetWarnings.size(); i++) {
            targetWarnings.set(i, marked(targetWarnings.get(i), revision));
        }
    }

    static Warning marked(Warning w, Project.TargetRevision revision) {
        Map<String, String> metrics = new LinkedHashMap<>(w.metrics());
        metrics.put("targetAdjusted", "true");
        if (revision.requestedOn() != null) {
            metrics.put("targetRevisedOn", revision.requestedOn().toString());
        }
        String code = w.metrics().get("indicator");
        for (Indicator approved : revision.approvedIndicators()) {
            if (code != null && code.equals(approved.code())
                    && !Objects.equals(approved.value(), w.metrics().get("target"))) {
                metrics.put("approvedTarget", approved.value());
            }
        }
        return new Warning(w.warningId(), w.projectCode(), w.regionCode(), w.year(), w.asOf(), w.type(), w.level(),
                metrics, w.thresholds(), w.suggestedAction(), w.ruleId(), w.message() + NOTE_ZH,
                w.messageEn() == null ? null : w.messageEn() + NOTE_EN);
    }
}
