package org.perflink.admin.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.perflink.api.model.Stage;

/** Stage names as administrators type them (compile, 编制, COMPILE) and as the region configuration keys them. */
public final class Stages {

    /** What the completer offers, in stage order. */
    public static final List<String> NAMES = List.of("compile", "execute", "close");

    private Stages() {
    }

    public static Stage parse(String text) {
        String t = text == null ? "" : text.strip();
        return Stage.byName(t).orElseThrow(() -> new IllegalArgumentException("未知阶段 (unknown stage) '" + t
                + "': 可用 (use) compile|execute|close 或 (or) 编制|执行|决算"));
    }

    /** Every stage named by the arguments; an argument may itself be a comma-separated list. */
    public static Set<Stage> parseAll(Collection<String> args) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        if (args != null) {
            for (String arg : args) {
                for (String part : arg.split("[,，]")) {
                    if (!part.isBlank()) {
                        stages.add(parse(part));
                    }
                }
            }
        }
        return stages;
    }

    /** {@code 编制,执行} for the stages that are on, {@code 无 (none)} when none is. */
    public static String zhList(Set<Stage> stages) {
        if (stages.isEmpty()) {
            return "无 (none)";
        }
        StringBuilder sb = new StringBuilder();
        for (Stage s : Stage.values()) {
            if (stages.contains(s)) {
                sb.append(sb.length() == 0 ? "" : ",").append(s.zh());
            }
        }
        return sb.toString();
    }
}
