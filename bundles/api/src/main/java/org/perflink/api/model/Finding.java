package org.perflink.api.model;

import java.util.Map;

/**
 * One explainable finding: the rule that fired, its severity, the field it concerns, the figures it
 * compared, and the message in zh-CN ({@code message}) and English ({@code messageEn}).
 */
public record Finding(
        String ruleId,
        Severity severity,
        String path,
        String message,
        String messageEn,
        Map<String, String> figures) {

    public Finding {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }
}
