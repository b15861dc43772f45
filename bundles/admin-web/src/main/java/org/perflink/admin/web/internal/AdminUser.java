package org.perflink.admin.web.internal;

import java.util.EnumSet;
import java.util.Set;

import org.perflink.core.Roles;

/**
 * An authenticated user of the admin API: the JAAS user name (the audit actor) and its roles. The roles of
 * issue 7 — the same as in the {@code perflink:} command ACL — grant:
 * <ul>
 * <li>{@value #VIEWER}: {@link Permission#READ};</li>
 * <li>{@value #OPERATOR}: read and {@link Permission#REPLAY};</li>
 * <li>{@value #ADMIN}, or Karaf's own {@value #KARAF_ADMIN}: everything, including {@link Permission#TOGGLE}.</li>
 * </ul>
 * Any other role grants nothing.
 */
public record AdminUser(String name, Set<String> roles) {

    public static final String VIEWER = Roles.VIEWER;
    public static final String OPERATOR = Roles.OPERATOR;
    public static final String ADMIN = Roles.ADMIN;
    public static final String KARAF_ADMIN = "admin";

    public AdminUser {
        roles = Set.copyOf(roles);
    }

    public Set<Permission> permissions() {
        EnumSet<Permission> p = EnumSet.noneOf(Permission.class);
        if (roles.contains(ADMIN) || roles.contains(KARAF_ADMIN)) {
            return EnumSet.allOf(Permission.class);
        }
        if (roles.contains(OPERATOR)) {
            p.add(Permission.READ);
            p.add(Permission.REPLAY);
        }
        if (roles.contains(VIEWER)) {
            p.add(Permission.READ);
        }
        return p;
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }
}
