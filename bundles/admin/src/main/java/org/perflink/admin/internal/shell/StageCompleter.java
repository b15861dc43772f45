package org.perflink.admin.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.perflink.admin.internal.Stages;

/** Completes stage names: compile (编制), execute (执行), close (决算). */
@Service
public class StageCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Stages.NAMES, false).complete(session, commandLine, candidates);
    }
}
