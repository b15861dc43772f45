package org.perflink.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A rule pack: its name and version; every other property of the configuration is a parameter
 * override (e.g. {@code exAnte.threshold = 3000000}, {@code rule.GOAL_MISSING.enabled = false}).
 */
@ObjectClassDefinition(name = "PerfLink rule pack (规则包)",
        description = "Parameter overrides of the built-in default pack; see rules.md for the keys.")
@interface RulePackConfig {

    String webconsole_configurationFactory_nameHint() default "{name}@{version}";

    @AttributeDefinition(name = "Name")
    String name();

    @AttributeDefinition(name = "Version")
    String version() default "1";
}
