package org.perflink.host.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "PerfLink host (预算一体化系统接入)",
        description = "How PerfLink reaches the budget management integration system (host contract v1).")
@interface HostConfig {

    @AttributeDefinition(name = "Name", required = false,
            description = "The host's name, which regions select with their 'host' key; empty: from the file name (org.perflink.host-<name>.cfg), or \"default\".")
    String name() default "";

    @AttributeDefinition(name = "URL", description = "Base URL of the host, e.g. http://127.0.0.1:8181")
    String url() default "http://127.0.0.1:8181";

    @AttributeDefinition(name = "Authentication", options = {
        @org.osgi.service.metatype.annotations.Option(label = "None", value = "NONE"),
        @org.osgi.service.metatype.annotations.Option(label = "HTTP Basic", value = "BASIC"),
        @org.osgi.service.metatype.annotations.Option(label = "Bearer token", value = "BEARER")})
    String auth() default "NONE";

    @AttributeDefinition(name = "User name (Basic)", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password or token", type = AttributeType.PASSWORD, required = false,
            description = "Use ConfigAdmin interpolation: $[secret:perflink.host] or $[env:PERFLINK_HOST_TOKEN]; never logged.")
    String secret() default "";

    @AttributeDefinition(name = "Host contract", options = {
        @org.osgi.service.metatype.annotations.Option(label = "1.0 (v1 calls and kinds only)", value = "1.0"),
        @org.osgi.service.metatype.annotations.Option(label = "1.1 (v1.1 pulls, kinds and enum values too)", value = "1.1")},
            description = "Which version of the host contract the host speaks (1.1 adds the v1.1 pulls, event phases LIBRARY and ADJUST, and the assessment kind); a region may override it with hostContract.")
    String contract() default "1.0";

    @AttributeDefinition(name = "Connect timeout (s)")
    int connectTimeoutSeconds() default 5;

    @AttributeDefinition(name = "Request timeout (s)")
    int requestTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Page size", description = "Items per pulled page (≤ 1000)")
    int pageSize() default 200;

    @AttributeDefinition(name = "Use the batch endpoint",
            description = "POST results:batch when the host offers it; falls back to single PUTs on 404/405.")
    boolean batch() default true;

    @AttributeDefinition(name = "Allow credentials over plain HTTP (明文传输凭据)",
            description = "BASIC/BEARER over http:// to a host other than 127.0.0.1/localhost is refused unless true:"
                    + " the password or token would cross the network in clear. Prefer https://.")
    boolean allowInsecureCredentials() default false;
}
