/**
 * Dual monitoring (双监控) of the execute stage: graded warnings on budget execution progress and on
 * indicator progress against the performance target, plain Java over the domain model (no OSGi types).
 */
@Export
@Version("1.0.0")
package org.perflink.execute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
