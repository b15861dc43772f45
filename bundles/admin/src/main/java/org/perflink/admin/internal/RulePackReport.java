package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.perflink.api.model.Stage;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.core.RegionCode;
import org.perflink.core.RulePacks;
import org.perflink.reports.TextTable;

/**
 * {@code perflink:rule-pack REGION [--diff]}: the region's effective pack with its inheritance chain; every
 * parameter of every installed stage with its effective value and where it comes from; the rule switches
 * and severities; keys a pack sets that no installed stage reads (a typo, or a stage not installed). With
 * {@code --diff}, only what the region's pack sets differently from its parent region's
 * ({@link RulePacks#overrides}).
 */
public final class RulePackReport {

    static final String BUILT_IN = "内置默认 (built-in)";
    private static final String RULE_PREFIX = "rule.";
    static final String DISCLOSURE = "公开 (disclosure)";

    private RulePackReport() {
    }

    public static String full(String regionCode, RulePacks packs, Collection<RuleCatalog> installed,
            Collection<Stage> missing) {
        RulePack pack = packs.effective(regionCode);
        StringBuilder out = new StringBuilder();
        header(out, regionCode, pack);

        Set<String> knownKeys = new HashSet<>();
        TextTable params = TextTable.of("阶段 (stage)", "参数 (parameter)", "有效值 (value)", "来源 (source)",
                "默认值 (default)", "说明 (description)").wrap(5, 56);
        for (RuleCatalog c : installed) {
            for (Param p : c.parameters()) {
                knownKeys.add(p.key());
                params.row(c.stage().zh(), p.key(), pack.string(p), source(pack, p.key()), p.defaultValue(),
                        p.description());
            }
        }
        // the open-data export's keys (rules.md §9) are read by this bundle, not by a stage
        for (Param p : Disclosure.PARAMETERS) {
            knownKeys.add(p.key());
            params.row(DISCLOSURE, p.key(), pack.string(p), source(pack, p.key()), p.defaultValue(), p.description());
        }
        out.append("\n参数 (parameters)\n");
        out.append(params.isEmpty() ? "无 (none)\n" : params.render());

        // rule id → the stages that know it (one id may serve several stages, e.g. WEIGHTS_INVALID)
        TreeMap<String, List<Stage>> ruleStages = new TreeMap<>();
        TreeMap<String, String> builtIn = new TreeMap<>();
        List<String> ruleOrder = new ArrayList<>();
        for (RuleCatalog c : installed) {
            for (RuleCatalog.RuleInfo r : c.rules()) {
                if (!ruleStages.containsKey(r.ruleId())) {
                    ruleOrder.add(r.ruleId());
                }
                ruleStages.computeIfAbsent(r.ruleId(), k -> new ArrayList<>()).add(c.stage());
                if (r.builtInSeverity() != null) {
                    builtIn.putIfAbsent(r.ruleId(), r.builtInSeverity().name());
                }
            }
        }
        // rules switched in the pack that no installed stage lists
        for (String key : allKeys(pack)) {
            Optional<String> rule = ruleIdOf(key);
            if (rule.isPresent() && !ruleStages.containsKey(rule.get())) {
                ruleOrder.add(rule.get());
                ruleStages.put(rule.get(), List.of());
            }
        }
        TextTable rules = TextTable.of("阶段 (stage)", "规则 (rule)", "启用 (enabled)", "级别 (severity)", "来源 (source)");
        for (String id : ruleOrder) {
            String enabledKey = RULE_PREFIX + id + ".enabled";
            String severityKey = RULE_PREFIX + id + ".severity";
            knownKeys.add(enabledKey);
            knownKeys.add(severityKey);
            List<Stage> stages = ruleStages.get(id);
            String stageCell = stages.isEmpty() ? "? (未安装或未知 not installed/unknown)" : zhList(stages);
            String severity = pack.lookup(severityKey).orElse(builtIn.get(id));
            Set<String> sources = new LinkedHashSet<>();
            pack.sourceOf(enabledKey).ifPresent(p -> sources.add(p.id()));
            pack.sourceOf(severityKey).ifPresent(p -> sources.add(p.id()));
            rules.row(stageCell, id, pack.enabled(id) ? "是 (yes)" : "否 (NO)", severity,
                    sources.isEmpty() ? BUILT_IN : String.join(", ", sources));
        }
        out.append("\n规则 (rules)\n");
        out.append(rules.isEmpty() ? "无 (none)\n" : rules.render());

        TextTable others = TextTable.of("键 (key)", "值 (value)", "来源 (source)");
        for (String key : allKeys(pack)) {
            if (!knownKeys.contains(key)) {
                others.row(key, pack.lookup(key).orElse(""), source(pack, key));
            }
        }
        if (!others.isEmpty()) {
            out.append("\n未被已安装阶段读取的键 (keys no installed stage reads: a typo, or a stage not installed)\n");
            out.append(others.render());
        }
        if (!missing.isEmpty()) {
            out.append("\n未安装的阶段 (stages not installed): ").append(zhList(missing)).append('\n');
        }
        return out.toString();
    }

    public static String diff(String regionCode, RulePacks packs) {
        RulePack pack = packs.effective(regionCode);
        List<RulePacks.ParameterOverride> overrides = packs.overrides(regionCode);
        StringBuilder out = new StringBuilder();
        header(out, regionCode, pack);
        String parent = packs.parentOf(regionCode).orElse("default");
        out.append("上级 (parent): ").append(parent).append('\n');
        if (overrides.isEmpty()) {
            out.append("\n与上级无差异 (no difference from the parent ").append(parent).append(")\n");
            return out.toString();
        }
        TextTable table = TextTable.of("参数 (parameter)", "本区划值 (value)", "上级值 (parent value)", "来源 (source)");
        for (RulePacks.ParameterOverride o : overrides) {
            table.row(o.key(), o.value() == null ? "(未设置 unset)" : o.value(), o.parentValue(), o.source());
        }
        out.append("\n与上级不同的参数 (differs from the parent) ").append(overrides.size()).append('\n');
        out.append(table.render());
        return out.toString();
    }

    private static void header(StringBuilder out, String regionCode, RulePack pack) {
        out.append("区划 (region): ").append(regionCode).append('\n');
        out.append("有效规则包 (effective rule pack): ").append(pack.id()).append('\n');
        out.append("继承链 (chain): ").append(chain(pack)).append('\n');
    }

    static String chain(RulePack pack) {
        StringBuilder sb = new StringBuilder();
        for (RulePack p = pack; p != null; p = p.parent()) {
            sb.append(sb.length() == 0 ? "" : " < ").append(p.id());
        }
        if (!"default".equals(last(pack).name())) {
            sb.append(" < ").append(BUILT_IN);
        }
        return sb.toString();
    }

    private static RulePack last(RulePack pack) {
        RulePack p = pack;
        while (p.parent() != null) {
            p = p.parent();
        }
        return p;
    }

    private static String source(RulePack pack, String key) {
        return pack.sourceOf(key).map(RulePack::id).orElse(BUILT_IN);
    }

    private static Set<String> allKeys(RulePack pack) {
        Set<String> keys = new TreeSet<>();
        for (RulePack p = pack; p != null; p = p.parent()) {
            keys.addAll(p.values().keySet());
        }
        return keys;
    }

    private static Optional<String> ruleIdOf(String key) {
        if (!key.startsWith(RULE_PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(RULE_PREFIX.length());
        for (String suffix : List.of(".enabled", ".severity")) {
            if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                return Optional.of(rest.substring(0, rest.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private static String zhList(Collection<Stage> stages) {
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) {
            sb.append(sb.length() == 0 ? "" : ",").append(s.label());
        }
        return sb.toString();
    }
}
