package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import java.security.PrivilegedAction;
import java.util.Set;

import javax.security.auth.Subject;

import org.junit.jupiter.api.Test;

class ActorTest {

    /** Named like Karaf's org.apache.karaf.jaas.boot.principal.UserPrincipal. */
    record UserPrincipal(String getName) implements Principal {
    }

    record RolePrincipal(String getName) implements Principal {
    }

    @Test
    @SuppressWarnings("removal") // Subject.doAs is how Karaf runs a session as its user on Java 17
    void theSessionsJaasUserIsTheActor() {
        Subject subject = new Subject(true, Set.of(new RolePrincipal("perflink-admin"), new UserPrincipal("alice")),
                Set.of(), Set.of());
        String actor = Subject.doAs(subject, (PrivilegedAction<String>) () -> Actor.current("karaf"));
        assertEquals("alice", actor);
    }

    @Test
    void withoutASubjectTheSessionUserThenUnknown() {
        assertEquals("karaf", Actor.current(" karaf "));
        assertEquals(Actor.UNKNOWN, Actor.current(null));
        assertEquals(Actor.UNKNOWN, Actor.current(""));
        Subject rolesOnly = new Subject(true, Set.of(new RolePrincipal("admin")), Set.of(), Set.of());
        assertEquals(null, Actor.userOf(rolesOnly));
    }
}
