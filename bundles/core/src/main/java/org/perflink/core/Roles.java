package org.perflink.core;

import java.util.List;

/**
 * PerfLink's roles in Karaf's JAAS realm, defined once for the command ACLs' users, the admin page and
 * {@code ./perflink user-add}: a viewer reads, an operator also runs, switches and replays, an administrator
 * also adds and removes regions.
 */
public final class Roles {

    public static final String VIEWER = "perflink-viewer";
    public static final String OPERATOR = "perflink-operator";
    public static final String ADMIN = "perflink-admin";

    /** From the least to the most allowed. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {
    }
}
