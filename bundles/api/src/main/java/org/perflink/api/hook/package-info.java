/** The stage hook whiteboard SPI: a bundle registers a StageHook for its stage. */
@Export
@Version("1.4.0")
package org.perflink.api.hook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
