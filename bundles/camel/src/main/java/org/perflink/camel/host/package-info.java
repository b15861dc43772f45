/** The reference host gateway: host contract v1 over HTTP with the JDK client and Jackson. */
@Export
@Version("1.0.0")
package org.perflink.camel.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
