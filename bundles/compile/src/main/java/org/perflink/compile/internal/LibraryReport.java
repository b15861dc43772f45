package org.perflink.compile.internal;

import java.nio.file.Path;
import java.util.List;

import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;
import org.perflink.compile.internal.IndicatorLibrary.Match;
import org.perflink.compile.internal.IndicatorLibrary.Standard;

/**
 * {@code perflink:library}: the indicator library a region's projects of one function code are checked against
 * (rules.md §11): the files it is made of (the installation's, then each rule pack's {@code library.file}), and per
 * level (2050202 → 20502 → 205 → COMMON) every entry with its unit, scope, standard, history and file. Published through
 * {@link org.perflink.api.stage.TargetCheck#describeLibrary}.
 */
final class LibraryReport {

    private LibraryReport() {
    }

    /**
     * @param baseFile the compile hook's library file
     * @param name only this indicator (null: all)
     */
    static String show(String regionCode, String functionCode, String name, RulePack pack, Path baseFile) {
        StringBuilder out = new StringBuilder();
        out.append("区划 (region) ").append(regionCode).append("  规则包 (rule pack) ").append(pack.id())
                .append("  功能科目 (function code) ").append(functionCode).append('\n');
        IndicatorLibrary library = baseFile == null ? IndicatorLibrary.EMPTY : LibraryLocation.loadOrEmpty(baseFile);
        out.append("指标库文件 (library files), 自上而下叠加 (overlaid top down):\n");
        out.append("  ").append(baseFile).append(library.isEmpty() ? "  (无/空 none or empty)" : "").append('\n');
        for (IndicatorLibrary.Layer layer : IndicatorLibrary.layersOf(pack)) {
            out.append("  ").append(layer.file()).append("  ← library.file of ").append(layer.packId());
            if (layer.error() != null) {
                out.append("  读取失败，不叠加 (cannot be read, not overlaid): ").append(layer.error());
            }
            out.append('\n');
            library = library.overlaidBy(layer.library());
        }
        int shown = 0;
        for (String level : IndicatorLibrary.levelsOf(functionCode)) {
            List<Match> entries = library.entriesOf(level).stream()
                    .filter(m -> name == null || IndicatorLibrary.normalize(m.indicator().name())
                            .equals(IndicatorLibrary.normalize(name)))
                    .toList();
            if (entries.isEmpty()) {
                continue;
            }
            out.append("层级 (level) ").append(level).append(":\n");
            for (Match m : entries) {
                out.append("  ").append(line(m)).append('\n');
                shown++;
            }
        }
        if (shown == 0) {
            out.append(name == null ? "该功能科目及其上级、共性指标均无条目 (no entry at any level)\n"
                    : "无此指标 (no entry named " + name + " at any level)\n");
        }
        return out.toString();
    }

    private static String line(Match m) {
        CoreIndicator i = m.indicator();
        StringBuilder b = new StringBuilder(i.name()).append("  单位 (unit) ").append(i.unit())
                .append("  适用 (scope) ").append(i.scope());
        if (i.level1() != null) {
            b.append("  ").append(i.level1()).append(i.level2() == null ? "" : "/" + i.level2());
        }
        Standard s = i.standard();
        if (s != null) {
            b.append("  标准值 (standard) ").append(s.operator()).append(' ').append(s.value().toPlainString())
                    .append(s.valueMax() == null ? "" : ".." + s.valueMax().toPlainString());
        }
        if (i.history() != null) {
            b.append("  历史值 (history) ").append(i.history().toPlainString());
        }
        return b.append("  来源 (from) ").append(m.source() == null ? "-" : m.source()).toString();
    }
}
