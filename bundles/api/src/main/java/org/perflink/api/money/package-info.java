/** Money (元, BigDecimal) rounded and written one way everywhere: to the cent, HALF_UP. */
@Export
@Version("1.0.0")
package org.perflink.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
