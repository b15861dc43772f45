/** PerfLink's configuration as services: host settings, regions and rule packs. */
@Export
@Version("1.4.0")
package org.perflink.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
