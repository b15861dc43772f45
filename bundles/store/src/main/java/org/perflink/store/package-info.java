/**
 * PerfLink's durable state (持久化状态), as small parts that are each an OSGi service of their own:
 * <ul>
 * <li>{@link org.perflink.store.EventLedger}: the per-stage event cursors of each region (moved by
 * compare-and-set), an event handled atomically with its results, and the event log;</li>
 * <li>{@link org.perflink.store.Outbox}: results on their way to the host;</li>
 * <li>{@link org.perflink.store.DeadLetters}: what the host refused and inputs that could not be handled, searched
 * and paged (since 2.3);</li>
 * <li>{@link org.perflink.store.ResultLedger}: the latest body of every result, kept after delivery;</li>
 * <li>{@link org.perflink.store.AuditLog}: the administrators' actions, searched and paged (since 2.3);</li>
 * <li>{@link org.perflink.store.StoreStatus}: the figures of each region, from counters the other parts
 * keep in their own transactions;</li>
 * <li>{@link org.perflink.store.PublicRecords}: what rules.md §9 makes public (published targets), kept for the
 * open-data export with the events' results, never sent to the host (since 2.1), and the years that hold them
 * (since 2.2);</li>
 * <li>{@link org.perflink.store.StoreDatabase}: the database itself, for the clustered scheduler's tables (since 2.2).</li>
 * </ul>
 * The one rule this package exists for: <em>nothing is lost</em>. A stage event's results enter the outbox in
 * the same transaction that moves the event cursor past it ({@link org.perflink.store.EventLedger#handle}), so
 * a crash keeps both or neither; and a node whose cursor was moved by another since it read it commits nothing.
 */
@Export
@Version("2.3.0")
package org.perflink.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
