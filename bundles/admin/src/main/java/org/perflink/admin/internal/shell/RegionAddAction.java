package org.perflink.admin.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.admin.internal.RegionAdmin;
import org.perflink.admin.internal.RegionConfigEditor;
import org.perflink.core.RulePacks;
import org.perflink.store.AuditLog;

@Service
@Command(scope = "perflink", name = "region-add",
        description = "添加区划 (Add a region): 写入 etc/org.perflink.region-CODE.cfg 并记入审计 (persisted, audited)")
public class RegionAddAction implements Action {

    @Argument(index = 0, name = "code", required = true, description = "6位区划代码 (6-digit region code), e.g. 440300")
    String code;

    @Option(name = "--name", aliases = "-n", description = "名称 (name), e.g. 深圳市")
    String name;

    @Option(name = "--stages", aliases = "-s",
            description = "开启的阶段 (stages on), 逗号分隔 (comma-separated): compile,execute,close; 默认全部 (default: all)")
    @Completion(StageCompleter.class)
    String stages;

    @Option(name = "--rule-pack", aliases = "-r", description = "规则包名 (rule pack name); 默认继承上级 (default: inherit the parent's)")
    @Completion(RulePackCompleter.class)
    String rulePack;

    @Option(name = "--disabled", description = "先停用 (add it DISABLED)")
    boolean disabled;

    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    AuditLog store;

    @Reference
    RulePacks rulePacks;

    @Reference
    Session session;

    @Override
    public Object execute() throws Exception {
        RegionAdmin admin = new RegionAdmin(new RegionConfigEditor(configAdmin, RegionConfigEditor.karafEtc()), store);
        System.out.print(admin.add(ShellActor.of(session), code, name, stages, rulePack, disabled,
                rulePacks.defined().keySet()));
        return null;
    }
}
