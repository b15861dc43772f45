package org.perflink.store;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The store's database itself, for what must live next to PerfLink's state on the same database: the clustered
 * scheduler's job store (docs/cluster.md). The data source is the store's pool: borrow connections, never close
 * the data source.
 *
 * @since 2.2
 */
@ProviderType
public interface StoreDatabase {

    /** The store's pooled data source. */
    DataSource dataSource();

    /** The JDBC URL without anything that may carry a secret. */
    String url();

    /** True for embedded H2 (one node only); false for a database that several nodes can share. */
    boolean embedded();

    /** The node name the store records with handled events and deliveries. */
    String node();
}
