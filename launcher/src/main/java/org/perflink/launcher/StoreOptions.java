package org.perflink.launcher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.perflink.core.ClusterKeys;

/**
 * {@code --store-url}, {@code --store-user}, {@code --cluster} and {@code --node} of {@code ./perflink start},
 * checked together before anything is written, and the properties they put into {@code etc/org.perflink.store.cfg}
 * (owner-only: it holds the password from {@code $PERFLINK_STORE_PASSWORD}) and {@code etc/org.perflink.cluster.cfg}.
 * No {@code --store-url}: the store stays as it is (embedded H2 for a new instance). {@code --store-url} alone: one node
 * on PostgreSQL. {@code --cluster} needs a PostgreSQL {@code --store-url}.
 */
record StoreOptions(String url, String user, String password, boolean cluster, String node) {

    static final String PASSWORD_ENV = "PERFLINK_STORE_PASSWORD";
    static final String STORE_CFG = "etc/" + ClusterKeys.STORE_PID + ".cfg";
    static final String CLUSTER_CFG = "etc/" + ClusterKeys.PID + ".cfg";
    /** The feature with the PostgreSQL driver the store needs. */
    static final String POSTGRESQL_FEATURE = "perflink-store-postgresql";

    /** Checks the options; a problem is a usage error (exit 2) naming the option. */
    static StoreOptions of(String url, String user, String password, boolean cluster, String node) {
        if (cluster) {
            String refusal = ClusterKeys.refusal(url);
            if (refusal != null) {
                throw new Main.UsageException("--cluster: " + refusal);
            }
        }
        if (url != null) {
            Main.literal("--store-url", url);
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("jdbc:postgresql:")) {
                throw new Main.UsageException("--store-url: 只支持 jdbc:postgresql: 地址 (only jdbc:postgresql: URLs are"
                        + " supported; leave it out for the embedded H2 store)");
            }
        } else if (user != null) {
            throw new Main.UsageException("--store-user: 需要同时给出 --store-url (needs --store-url)");
        }
        if (user != null) {
            Main.literal("--store-user", user);
        }
        if (password != null && !password.isEmpty()) {
            Main.literal("$" + PASSWORD_ENV, password);
        }
        if (node != null) {
            Main.literal("--node", node);
            if (node.isBlank() || !node.strip().equals(node) || node.length() > 200) {
                throw new Main.UsageException("--node: 节点名不能为空、不能有首尾空格、最长 200 字符 (the node name may not be"
                        + " blank, start or end with a space, or be longer than 200 characters)");
            }
        }
        return new StoreOptions(url == null ? null : url.strip(), user, password, cluster, node);
    }

    boolean postgres() {
        return url != null;
    }

    /** What goes into the store's configuration (empty: leave it as it is). */
    Map<String, String> storeProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        if (url != null) {
            p.put(ClusterKeys.STORE_DRIVER, ClusterKeys.POSTGRESQL_DRIVER);
            p.put(ClusterKeys.STORE_FACTORY_TARGET, "(osgi.jdbc.driver.class=" + ClusterKeys.POSTGRESQL_DRIVER + ")");
            p.put(ClusterKeys.STORE_URL, url);
            // no --store-user: none (the driver's default, or user= in the URL), not the H2 default "sa"
            p.put(ClusterKeys.STORE_USER, user == null ? "" : user);
            if (password != null && !password.isEmpty()) {
                p.put(ClusterKeys.STORE_PASSWORD, escaped(password));
            }
        }
        if (node != null) {
            p.put(ClusterKeys.STORE_NODE, node);
        }
        return p;
    }

    /** The cluster configuration: always written, so a later start without --cluster turns cluster mode off. */
    Map<String, String> clusterProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(ClusterKeys.ENABLED, Boolean.toString(cluster));
        if (node != null) {
            p.put(ClusterKeys.NODE, node);
        }
        return p;
    }

    /** A value as a .cfg file (Java properties syntax) reads it back: backslashes escaped. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\");
    }

    @Override
    public String toString() {
        // never the password
        return "StoreOptions[url=" + url + ", user=" + user + ", cluster=" + cluster + ", node=" + node + "]";
    }
}
