package org.perflink.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "PerfLink region (行政区划)",
        description = "One region: which stages PerfLink hooks into, its rule pack and polling. One etc/org.perflink.region-<code>.cfg each.")
@interface RegionConfig {

    String webconsole_configurationFactory_nameHint() default "{regionCode} {name}";

    @AttributeDefinition(name = "Region code", description = "6-digit administrative division code, e.g. 440000")
    String regionCode();

    @AttributeDefinition(name = "Name", required = false)
    String name() default "";

    @AttributeDefinition(name = "Enabled", description = "Off: the region stays listed as DISABLED and nothing runs for it.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Compile stage (编制) on")
    boolean compileEnabled() default true;

    @AttributeDefinition(name = "Execute stage (执行) on")
    boolean executeEnabled() default true;

    @AttributeDefinition(name = "Close stage (决算) on")
    boolean closeEnabled() default true;

    @AttributeDefinition(name = "Rule pack", required = false,
            description = "Name of an org.perflink.rulepack configuration; empty: inherit the parent region's pack.")
    String rulePack() default "";

    @AttributeDefinition(name = "Parent region", required = false,
            description = "Empty: the parent follows the digits (440106 → 440100 → 440000). A 计划单列市 or 省直管县 may name "
                    + "another, e.g. 410181 → 410000: rule packs are inherited from it and it counts this region as a lower region.")
    String parentRegion() default "";

    @AttributeDefinition(name = "Poll interval (s)")
    int pollIntervalSeconds() default 5;

    @AttributeDefinition(name = "Host", required = false,
            description = "Name of the host configuration (org.perflink.host-<name>.cfg) this region talks to; empty: the single (default) host.")
    String host() default "";

    @AttributeDefinition(name = "Host contract override", required = false,
            description = "Empty: the org.perflink.host contract; else 1.0 or 1.1 for this region's host.")
    String hostContract() default "";

    @AttributeDefinition(name = "Host URL override", required = false, description = "Empty: the org.perflink.host URL.")
    String hostUrl() default "";
}
