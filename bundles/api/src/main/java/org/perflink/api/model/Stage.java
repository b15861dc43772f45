package org.perflink.api.model;

import java.util.Locale;
import java.util.Optional;

/** The three stages of the budget year that PerfLink hooks into, with their names in Chinese and English. */
public enum Stage {
    /** 编制: target checks, verdicts. */
    COMPILE("编制"),
    /** 执行: dual monitoring, warnings. */
    EXECUTE("执行"),
    /** 决算: scores, linkage adjustments, notices. */
    CLOSE("决算");

    private final String zh;

    Stage(String zh) {
        this.zh = zh;
    }

    /** 编制 / 执行 / 决算 (since 1.2). */
    public String zh() {
        return zh;
    }

    /** compile / execute / close, as administrators type it (since 1.2). */
    public String en() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code 编制 (compile)} (since 1.2). */
    public String label() {
        return zh + " (" + en() + ")";
    }

    /** The stage named {@code COMPILE}, {@code compile} or {@code 编制} (blanks around ignored); empty otherwise (since 1.2). */
    public static Optional<Stage> byName(String text) {
        String t = text == null ? "" : text.strip();
        for (Stage s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.zh.equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
