package org.perflink.core;

import java.util.Locale;

/**
 * The keys of the cluster configuration ({@code etc/org.perflink.cluster.cfg}, PID {@value #PID}) and of the
 * store keys the launcher writes for it, defined once for the engine's Metatype, the launcher and the docs
 * (docs/cluster.md). Cluster mode needs a store every node shares: never embedded H2 ({@link #refusal}).
 *
 * @since 1.4
 */
public final class ClusterKeys {

    public static final String PID = "org.perflink.cluster";

    public static final String ENABLED = "enabled";
    /** This node's name in the cluster (Quartz instance id, event log, deliveries); empty: the host name. */
    public static final String NODE = "node";
    /** How often a node checks in with the cluster (ms); a node silent for this plus 7.5 s is taken over. */
    public static final String CHECKIN_INTERVAL = "checkinInterval";
    public static final long DEFAULT_CHECKIN_INTERVAL_MS = 5000;
    /** How late (ms) a firing may be before Quartz treats it as misfired. */
    public static final String MISFIRE_THRESHOLD = "misfireThreshold";
    public static final long DEFAULT_MISFIRE_THRESHOLD_MS = 2000;
    /** Jobs (a region's stage polls and deliveries) one node runs at once. */
    public static final String THREAD_COUNT = "threadCount";
    public static final int DEFAULT_THREAD_COUNT = 10;

    /** The store's configuration PID and the keys the launcher writes into it. */
    public static final String STORE_PID = "org.perflink.store";
    public static final String STORE_URL = "url";
    public static final String STORE_USER = "user";
    public static final String STORE_PASSWORD = ".password";
    public static final String STORE_DRIVER = "driver";
    public static final String STORE_FACTORY_TARGET = "DataSourceFactory.target";
    public static final String STORE_NODE = "node";
    public static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

    private ClusterKeys() {
    }

    /**
     * Why cluster mode cannot run on the store at {@code storeUrl} (zh-CN first, English beside), or null when it
     * can: the nodes must share one database, so no store URL (the embedded H2 default) and any H2 URL are refused.
     */
    public static String refusal(String storeUrl) {
        if (storeUrl == null || storeUrl.isBlank()) {
            return "集群模式需要各节点共享的 PostgreSQL 存储，未配置存储地址"
                    + " (cluster mode needs a PostgreSQL store shared by every node; no store URL is configured)";
        }
        if (storeUrl.strip().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return "集群模式不能使用 H2 存储，请配置共享的 PostgreSQL (cluster mode cannot run on an H2 store: "
                    + "configure the shared PostgreSQL) — " + safe(storeUrl);
        }
        return null;
    }

    /** The URL without anything that may carry a secret (query parameters, H2 settings). */
    private static String safe(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut).strip();
    }
}
