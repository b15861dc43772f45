package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.admin.internal.RegionAdmin;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.store.AuditLog;

@Service
@Command(scope = "perflink", name = "region-remove",
        description = "删除区划配置 (Remove a region's configuration and its etc/ file; stored state stays); 记入审计 (audited)")
public class RegionRemoveAction implements Action {

    @Argument(index = 0, name = "code", required = true, description = "区划代码 (region code)")
    @Completion(RegionCompleter.class)
    String code;

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    AuditLog store;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        RegionAdmin admin = new RegionAdmin(new RegionConfigEditor(configAdmin, RegionConfigEditor.karafEtc()), store);
        System.out.print(admin.remove(ShellActor.of(session), code));
        return null;
    }
}
