package org.perflink.admin.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.perflink.admin.internal.DeadLetterAdmin;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;

@Service
@Command(scope = "perflink", name = "replay",
        description = "重放死信 (Replay dead letters of a region: re-queue them for delivery); 记入审计 (audited)")
public class ReplayAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "ids", multiValued = true, description = "死信编号 (dead-letter ids); 省略则全部 (none: all of the region)")
    List<String> ids;

    @Reference
    DeadLetters store;

    @Reference
    AuditLog audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        System.out.print(new DeadLetterAdmin(store, audit).replay(ShellActor.of(session), region.strip(), ids));
        return null;
    }
}
