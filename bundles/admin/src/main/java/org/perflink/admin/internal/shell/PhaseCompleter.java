package org.perflink.admin.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the compile phases a dry run can check. */
@Service
public class PhaseCompleter implements Completer {

    static final List<String> PHASES = List.of("DECLARED", "REVIEWED", "APPROVED", "PUBLISHED");

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(PHASES, false).complete(session, commandLine, candidates);
    }
}
