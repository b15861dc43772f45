package org.perflink.admin.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.perflink.admin.internal.LatestResults;

/** Completes result kinds: verdict, warning, score, adjustment, notice. */
@Service
public class ResultKindCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(LatestResults.KIND_NAMES, false).complete(session, commandLine, candidates);
    }
}
