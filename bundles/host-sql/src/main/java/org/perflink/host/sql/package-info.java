/**
 * The exchange database of host contract v1 for plain Java (the launcher's demo, tests): {@link
 * org.perflink.host.sql.ExchangeSchema} names its tables and columns and ships its DDL, {@link
 * org.perflink.host.sql.ExchangeLoader} writes contract items into its input tables and reads its results
 * tables. Inside Karaf the bundle registers one {@code HostGateway} per {@code org.perflink.host.sql} configuration.
 */
@Export
@Version("1.0.0")
package org.perflink.host.sql;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
