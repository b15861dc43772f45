package org.perflink.api.rules;

/**
 * A rule parameter with its built-in default (the {@code default} rule pack of rules.md). Rule packs
 * hold only overrides, so each default lives in exactly one place: the rule that uses it.
 */
public record Param(String key, String defaultValue, String description) {

    public static Param of(String key, String defaultValue, String description) {
        return new Param(key, defaultValue, description);
    }
}
