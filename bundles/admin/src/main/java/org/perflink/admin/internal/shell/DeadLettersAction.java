package org.perflink.admin.internal.shell;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.internal.DeadLetterAdmin;
import org.perflink.core.RegionSettings;
import org.perflink.store.AuditLog;
import org.perflink.store.DeadLetters;
import org.perflink.store.StoreStatus;

@Service
@Command(scope = "perflink", name = "dead-letters",
        description = "死信及原因 (Dead letters: results the host refused and unhandled inputs, with the reason)")
public class DeadLettersAction implements Action {

    @Argument(index = 0, name = "region", description = "区划代码 (region code); 省略则全部区划 (none: every region)")
    @Completion(RegionCompleter.class)
    String region;

    @Reference
    List<RegionSettings> regions;

    @Reference
    StoreStatus store;

    @Reference
    DeadLetters deadLetters;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        Set<String> codes = new TreeSet<>();
        if (region != null) {
            codes.add(region.strip());
        } else {
            regions.forEach(r -> codes.add(r.regionCode()));
            codes.addAll(store.regions()); // a removed region's letters are still listed
        }
        System.out.print(new DeadLetterAdmin(deadLetters, audit).list(codes, ZoneId.systemDefault()));
        return null;
    }
}
