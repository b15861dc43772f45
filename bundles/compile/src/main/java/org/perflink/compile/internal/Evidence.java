package org.perflink.compile.internal;

import java.util.List;
import java.util.Map;

/**
 * What a constraint found, carried out of Hibernate Validator as the violation's dynamic payload:
 * the rule, the field ({@code path}, in the host contract's names), the figures it compared and the
 * arguments of its message. {@code variant} picks a message for one case of the rule; {@code order}
 * keeps findings of one rule in a stable order (e.g. the indicator index).
 */
public record Evidence(Rule rule, String variant, int order, String path, Map<String, String> figures,
        List<String> args) {

    public String messageKey() {
        return variant == null ? rule.id() : rule.id() + "." + variant;
    }
}
