/** PerfLink's Camel routes: plain RouteBuilders with no OSGi types, one set per region. */
@Export
@Version("1.0.0")
package org.perflink.camel.routes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
