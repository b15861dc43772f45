/**
 * PerfLink's durable state (持久化状态): the per-stage event cursors of each region, the outbox of
 * results on their way to the host, the dead-letter store and the administrators' audit log.
 * <p>
 * The one rule this package exists for: <em>nothing is lost</em>. A stage event's results enter
 * the outbox in the same transaction that moves the event cursor past it
 * ({@link org.perflink.store.PerfLinkStore#handleEvent}), so a crash either keeps both or neither.
 */
@Export
@Version("1.2.0")
package org.perflink.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
