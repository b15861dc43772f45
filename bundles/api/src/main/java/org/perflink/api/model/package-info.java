/**
 * The domain model of host contract v1: immutable records, {@link java.math.BigDecimal} money,
 * closed vocabularies as enums whose constants are the contract's words.
 */
@Export
@Version("1.4.0")
package org.perflink.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
