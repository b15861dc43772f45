package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.console.Session;
import org.perflink.admin.internal.Actor;

/** The audit actor of a shell session. */
final class ShellActor {

    private ShellActor() {
    }

    static String of(Session session) {
        return Actor.current(session == null ? null : session.get("USER"));
    }
}
