package org.perflink.admin.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The roles of issue 7, as the shell's command ACL grants them. */
class AdminUserTest {

    private static Set<Permission> of(String... roles) {
        return new AdminUser("u", Set.of(roles)).permissions();
    }

    @Test
    void rolesGrantPermissions() {
        assertEquals(EnumSet.of(Permission.READ), of("perflink-viewer"));
        assertEquals(EnumSet.of(Permission.READ, Permission.REPLAY), of("perflink-operator"));
        assertEquals(EnumSet.allOf(Permission.class), of("perflink-admin"));
        assertEquals(EnumSet.allOf(Permission.class), of("admin"), "Karaf's admin role counts as perflink-admin");
        assertEquals(EnumSet.of(Permission.READ, Permission.REPLAY), of("perflink-viewer", "perflink-operator"));
        assertEquals(EnumSet.noneOf(Permission.class), of("viewer", "manager", "ssh"));
        assertEquals(EnumSet.noneOf(Permission.class), of());
    }
}
