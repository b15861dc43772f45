package org.perflink.api.stage;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Severity;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;

/**
 * What one stage reads from a rule pack: its parameters with their built-in defaults and the rules a pack
 * can switch ({@code rule.<ID>.enabled}, {@code rule.<ID>.severity}). Registered by each stage bundle with
 * the service property {@value #STAGE_PROPERTY}.
 */
@ProviderType
public interface RuleCatalog {

    /** Service property naming the stage, for filters: {@code (perflink.stage=EXECUTE)}. */
    String STAGE_PROPERTY = "perflink.stage";

    Stage stage();

    /** Every parameter with its built-in default and description. */
    List<Param> parameters();

    /** Every rule of the stage, in catalogue order. */
    List<RuleInfo> rules();

    /**
     * One rule: its public id, the first phase that runs it (null when the stage has no phases of its own),
     * its built-in severity (null when the stage's results are graded otherwise, e.g. warning levels) and a
     * short description in Chinese and English.
     */
    record RuleInfo(String ruleId, Phase phase, Severity builtInSeverity, String descriptionZh,
            String descriptionEn) {

        public RuleInfo {
            if (ruleId == null || ruleId.isBlank()) {
                throw new IllegalArgumentException("ruleId is required");
            }
            descriptionZh = descriptionZh == null ? "" : descriptionZh;
            descriptionEn = descriptionEn == null ? "" : descriptionEn;
        }

        public static RuleInfo of(String ruleId, Phase phase, Severity builtInSeverity) {
            return new RuleInfo(ruleId, phase, builtInSeverity, "", "");
        }
    }
}
