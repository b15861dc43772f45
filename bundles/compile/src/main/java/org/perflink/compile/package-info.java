/**
 * Compile-stage target checks (编制阶段绩效目标审核): {@link org.perflink.compile.TargetChecker} turns a
 * project and its performance target into a {@link org.perflink.api.model.Verdict}, usable with or
 * without OSGi; {@link org.perflink.compile.IndicatorLibrary} is the core-indicator library (核心指标库)
 * it compares indicator names with.
 */
@Export
@Version("1.0.0")
package org.perflink.compile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
