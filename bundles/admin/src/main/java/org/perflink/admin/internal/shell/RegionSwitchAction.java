package org.perflink.admin.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.admin.internal.RegionAdmin;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.store.AuditLog;

/** {@code perflink:enable} and {@code perflink:disable}: the same switch, thrown one way or the other. */
abstract class RegionSwitchAction implements Action {

    @Argument(index = 0, name = "region", required = true, description = "区划代码 (region code), e.g. 440000")
    @Completion(RegionCompleter.class)
    String region;

    @Argument(index = 1, name = "stages", multiValued = true,
            description = "阶段 (stages): compile execute close (编制 执行 决算); 省略则整个区划 (none: the whole region)")
    @Completion(StageCompleter.class)
    List<String> stages;

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    AuditLog store;

    @Reference
    Session session;

    /** True to switch on. */
    abstract boolean on();

    @Override
    public Object execute() throws Exception {
        RegionAdmin admin = new RegionAdmin(new RegionConfigEditor(configAdmin, RegionConfigEditor.karafEtc()), store);
        System.out.print(admin.setEnabled(ShellActor.of(session), region, stages, on()));
        return null;
    }
}
