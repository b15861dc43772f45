package org.perflink.admin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.perflink.core.RegionKeys;
import org.perflink.api.model.Stage;
import org.perflink.core.RegionCode;
import org.perflink.store.AuditLog;

/**
 * The state-changing region commands (enable, disable, region-add, region-remove): each changes the
 * region's configuration through {@link RegionConfigEditor} and records who did it, with the state before
 * and after, in the audit log. Returns what to print.
 */
public final class RegionAdmin {

    public static final String ENABLE = "perflink:enable";
    public static final String DISABLE = "perflink:disable";
    public static final String ADD = "perflink:region-add";
    public static final String REMOVE = "perflink:region-remove";

    private final RegionConfigEditor editor;
    private final AuditLog store;

    public RegionAdmin(RegionConfigEditor editor, AuditLog store) {
        this.editor = editor;
        this.store = store;
    }

    /**
     * What a switch did: the region, the stages switched (empty: the region's own {@code enabled} flag), on or
     * off, the configuration change, and whether the region as a whole stays disabled although stages were
     * switched on.
     */
    public record Toggle(String regionCode, Set<Stage> stages, boolean on, RegionConfigEditor.Change change,
            boolean regionDisabled) {

        public Toggle {
            stages = stages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stages));
        }
    }

    /**
     * Switches a whole region ({@code enabled}) when no stage is named, else the named stages
     * ({@code compileEnabled}, ...), keeping the other keys.
     */
    public String setEnabled(String actor, String regionCode, Collection<String> stageArgs, boolean on)
            throws IOException {
        Toggle t = toggle(actor, regionCode, Stages.parseAll(stageArgs), on);
        Set<Stage> stages = t.stages();
        RegionConfigEditor.Change change = t.change();
        String what = stages.isEmpty() ? "区划 (region) " + regionCode
                : "区划 (region) " + regionCode + " 阶段 (stages) " + Stages.zhList(stages);
        String verb = on ? "开启 (enabled)" : "停用 (disabled)";
        StringBuilder out = new StringBuilder();
        if (!change.changed()) {
            out.append("未变化 (unchanged): ").append(what).append(" 已是 (is already) ").append(verb).append('\n');
            return out.toString();
        }
        out.append("已").append(verb).append(": ").append(what).append('\n');
        out.append("  之前 (before): ").append(RegionConfigEditor.describe(change.before())).append('\n');
        out.append("  之后 (after):  ").append(RegionConfigEditor.describe(change.after())).append('\n');
        appendSaved(out, change.file());
        if (t.regionDisabled()) {
            out.append("注意 (note): 区划整体仍为停用 (the region as a whole is DISABLED); 用 (use) perflink:enable ")
                    .append(regionCode).append(" 开启 (to switch it on)\n");
        }
        return out.toString();
    }

    /**
     * The switch itself, shared by {@code perflink:enable}/{@code disable} and the admin REST API: changes the
     * region's configuration (no stage: its {@code enabled} flag) and, when anything changed, records the
     * actor with the keys before and after in the audit log.
     */
    public Toggle toggle(String actor, String regionCode, Set<Stage> stages, boolean on) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (stages.isEmpty()) {
            values.put(RegionKeys.ENABLED, String.valueOf(on));
        } else {
            for (Stage s : Stage.values()) {
                if (stages.contains(s)) {
                    values.put(RegionKeys.stageEnabled(s), String.valueOf(on));
                }
            }
        }
        RegionConfigEditor.Change change = editor.update(regionCode, values);
        if (!change.changed()) {
            return new Toggle(regionCode, stages, on, change, false);
        }
        String target = stages.isEmpty() ? regionCode : regionCode + "/" + stageNames(stages);
        store.record(actor, on ? ENABLE : DISABLE, target, RegionConfigEditor.describe(change.before()),
                RegionConfigEditor.describe(change.after()));
        boolean regionDisabled = false;
        if (on && !stages.isEmpty()) {
            Object regionOn = editor.properties(regionCode).get(RegionKeys.ENABLED);
            regionDisabled = regionOn != null && !Boolean.parseBoolean(regionOn.toString().strip());
        }
        return new Toggle(regionCode, stages, on, change, regionDisabled);
    }

    /**
     * Adds a region: {@code stagesCsv} null means every stage on; {@code rulePack} null or blank means inherit
     * the parent region's pack. {@code definedPacks} are the configured pack names, to warn about a typo.
     */
    public String add(String actor, String regionCode, String name, String stagesCsv, String rulePack,
            boolean disabled, Set<String> definedPacks) throws IOException {
        if (!RegionCode.valid(regionCode)) {
            throw new IllegalArgumentException("区划代码须为6位数字 (region code must be 6 digits): '" + regionCode + "'");
        }
        Set<Stage> stages = stagesCsv == null ? EnumSet.allOf(Stage.class) : Stages.parseAll(Set.of(stagesCsv));
        String pack = rulePack == null ? "" : rulePack.strip();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(RegionKeys.REGION_CODE, regionCode);
        values.put(RegionKeys.NAME, name == null ? "" : name.strip());
        values.put(RegionKeys.ENABLED, String.valueOf(!disabled));
        for (Stage s : Stage.values()) {
            values.put(RegionKeys.stageEnabled(s), String.valueOf(stages.contains(s)));
        }
        values.put(RegionKeys.RULE_PACK, pack);
        Path file = editor.create(regionCode, values);
        store.record(actor, ADD, regionCode, null, RegionConfigEditor.describe(values));
        StringBuilder out = new StringBuilder();
        out.append("已添加区划 (region added): ").append(regionCode)
                .append(values.get(RegionKeys.NAME).isEmpty() ? "" : " " + values.get(RegionKeys.NAME)).append('\n');
        out.append("  状态 (state): ").append(disabled ? "DISABLED" : "ACTIVE")
                .append("; 阶段 (stages): ").append(Stages.zhList(stages))
                .append("; 规则包 (rule pack): ").append(pack.isEmpty() ? "继承上级 (inherited)" : pack).append('\n');
        appendSaved(out, file);
        if (!pack.isEmpty() && !definedPacks.contains(pack)) {
            out.append("注意 (note): 规则包 '").append(pack).append("' 尚未定义 (is not defined yet);")
                    .append(" 在定义前沿用上级区划的规则包 (the parent region's pack applies until it is)\n");
        }
        return out.toString();
    }

    /** Removes a region's configuration; its stored state (cursors, outbox, dead letters) stays in the store. */
    public String remove(String actor, String regionCode) throws IOException {
        Map<String, Object> before = editor.delete(regionCode);
        store.record(actor, REMOVE, regionCode, RegionConfigEditor.describe(before), null);
        return "已删除区划 (region removed): " + regionCode + "\n"
                + "  原配置 (was): " + RegionConfigEditor.describe(before) + "\n"
                + "  游标、待送达结果与死信仍保留在存储中 (cursors, undelivered results and dead letters stay in the store)\n";
    }

    private static String stageNames(Set<Stage> stages) {
        StringBuilder sb = new StringBuilder();
        for (Stage s : Stage.values()) {
            if (stages.contains(s)) {
                sb.append(sb.length() == 0 ? "" : ",").append(s.name());
            }
        }
        return sb.toString();
    }

    private static void appendSaved(StringBuilder out, Path file) {
        if (file != null) {
            out.append("  已保存 (saved): ").append(file).append('\n');
        } else {
            out.append("  已保存在配置管理中 (saved in ConfigAdmin; no etc/ file)\n");
        }
    }
}
