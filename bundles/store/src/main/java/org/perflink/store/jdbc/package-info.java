/**
 * The JDBC store outside OSGi: route tests, benchmarks and tools open a
 * {@link org.perflink.store.PerfLinkStore} over any {@link javax.sql.DataSource} (an in-memory or
 * file H2, PostgreSQL) with {@link org.perflink.store.jdbc.JdbcStores}.
 */
@Export
@Version("1.0.0")
package org.perflink.store.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
