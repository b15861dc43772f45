/** Host gateway SPI: how stage hooks pull data from, and results reach, a budget integration system. */
@Export
@Version("1.3.0")
package org.perflink.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
