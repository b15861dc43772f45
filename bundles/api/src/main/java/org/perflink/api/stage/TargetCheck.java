package org.perflink.api.stage;

import java.time.OffsetDateTime;

import org.osgi.annotation.versioning.ProviderType;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Project;
import org.perflink.api.model.Verdict;
import org.perflink.api.rules.RulePack;

/**
 * The compile stage's target checks (绩效目标审核) as a service: the same verdict the compile hook writes back,
 * for a dry run ({@code perflink:check}, the launcher's {@code check}) that needs neither the engine nor a host.
 * The implementation uses the indicator library it is configured with.
 */
@ProviderType
public interface TargetCheck {

    /** Checks one project as the given phase's event would; never throws for a bad project (INPUT_INVALID). */
    Verdict check(Project project, Phase phase, RulePack pack, OffsetDateTime checkedAt);
}
