package org.perflink.admin.internal.shell;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.perflink.core.RulePacks;

/** Completes the names of the configured rule packs ({@code org.perflink.rulepack}). */
@Service
public class RulePackCompleter implements Completer {

    @Reference
    RulePacks rulePacks;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(new TreeSet<>(rulePacks.defined().keySet())).complete(session, commandLine, candidates);
    }
}
