/**
 * Services a stage bundle publishes for the rest of PerfLink (admin, reports, the launcher): its rule
 * catalogue, compile's target check and close's link simulation. Consumers bind them dynamically and show
 * an absent stage as absent; nothing outside a stage bundle reaches into its implementation.
 */
@Export
@Version("1.1.0")
package org.perflink.api.stage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
