package org.perflink.admin.internal;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

/**
 * Who runs a command, for the audit log: the user principal of the JAAS subject Karaf runs the shell
 * session as (SSH, console, {@code bin/client}), else the session's {@code USER} variable.
 */
public final class Actor {

    public static final String UNKNOWN = "unknown";

    private Actor() {
    }

    /** {@code sessionUser}: the shell session's {@code USER} variable, may be null. */
    @SuppressWarnings("removal") // the only way to reach Karaf's session subject on Java 17
    public static String current(Object sessionUser) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = userOf(subject);
        if (user != null) {
            return user;
        }
        return sessionUser == null || sessionUser.toString().isBlank() ? UNKNOWN : sessionUser.toString().strip();
    }

    /**
     * The name of the subject's user principal. Karaf's is {@code org.apache.karaf.jaas.boot.principal.UserPrincipal};
     * matched by simple name so this bundle does not import Karaf's JAAS packages for one class name.
     */
    public static String userOf(Subject subject) {
        if (subject == null) {
            return null;
        }
        for (Principal p : subject.getPrincipals()) {
            if ("UserPrincipal".equals(p.getClass().getSimpleName()) && p.getName() != null && !p.getName().isBlank()) {
                return p.getName();
            }
        }
        return null;
    }
}
