package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "perflink", name = "enable",
        description = "开启区划或其阶段 (Enable a region, or some of its stages); 写入 etc/ 并记入审计 (persisted in etc/, audited)")
public class EnableAction extends RegionSwitchAction {

    @Override
    boolean on() {
        return true;
    }
}
