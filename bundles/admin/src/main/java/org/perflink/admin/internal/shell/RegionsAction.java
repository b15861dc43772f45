package org.perflink.admin.internal.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.perflink.admin.internal.LiveStatus;
import org.perflink.admin.internal.RegionTable;
import org.perflink.core.RegionSettings;
import org.perflink.core.RulePacks;
import org.perflink.store.StoreStatus;

@Service
@Command(scope = "perflink", name = "regions",
        description = "区划及其健康状况 (Regions: state, stages, rule pack, cursors, backlog, dead letters, last error)")
public class RegionsAction implements Action {

    @Reference
    List<RegionSettings> regions;

    @Reference
    StoreStatus store;

    @Reference
    RulePacks rulePacks;

    @Override
    public Object execute() {
        LiveStatus live = LiveStatus.read(LiveStatus.defaultFile());
        System.out.print(RegionTable.render(regions, store, rulePacks, live, ZoneId.systemDefault(), Instant.now()));
        return null;
    }
}
