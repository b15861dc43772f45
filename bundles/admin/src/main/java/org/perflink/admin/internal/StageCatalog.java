package org.perflink.admin.internal;

import java.util.List;

import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;

/** What one installed stage bundle reads from a rule pack: its parameters and the rules a pack can switch. */
public interface StageCatalog {

    Stage stage();

    /** Every parameter with its built-in default. */
    List<Param> parameters();

    /** Rules with {@code rule.<ID>.enabled} / {@code rule.<ID>.severity} keys. */
    List<RuleRef> rules();

    /** A rule id and its built-in severity (null when the stage's results carry no severity of their own). */
    record RuleRef(String ruleId, String builtInSeverity) {
    }
}
