package org.perflink.host.sql.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SqlHostComponent.PID, name = "PerfLink host over an exchange database (中间库/前置库接入)",
        description = "The host's exchange database (not PerfLink's store): one configuration per host, "
                + "etc/org.perflink.host.sql-<name>.cfg; regions select it with host = <name>. docs/host-sql.md.")
@interface SqlHostConfig {

    @AttributeDefinition(name = "Name", required = false,
            description = "The host's name, which regions select with their 'host' key; empty: from the file name (org.perflink.host.sql-<name>.cfg)")
    String name() default "";

    @AttributeDefinition(name = "JDBC URL", description = "The exchange database, e.g. jdbc:postgresql://db.example:5432/jx_exchange")
    String url();

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    /** {@code .password}: a private property, never copied into service properties, never logged. */
    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Use ConfigAdmin interpolation: .password = $[secret:perflink.exchange] or $[env:PERFLINK_EXCHANGE_PASSWORD]")
    String _password() default "";

    @AttributeDefinition(name = "JDBC driver class",
            description = "org.h2.Driver, org.postgresql.Driver, dm.jdbc.driver.DmDriver, com.kingbase8.Driver; "
                    + "DataSourceFactory.target must select the same driver")
    String driver() default "org.h2.Driver";

    @AttributeDefinition(name = "DataSourceFactory target",
            description = "Filter selecting the driver's DataSourceFactory service: (osgi.jdbc.driver.class=<driver>)")
    String DataSourceFactory_target() default "(osgi.jdbc.driver.class=org.h2.Driver)";

    @AttributeDefinition(name = "Host contract", options = {
        @org.osgi.service.metatype.annotations.Option(label = "1.0 (v1 pulls and kinds only)", value = "1.0"),
        @org.osgi.service.metatype.annotations.Option(label = "1.1 (v1.1 pulls, kinds and enum values too)", value = "1.1")})
    String contract() default "1.0";

    @AttributeDefinition(name = "Page size", description = "Rows read per query (≤ 1000)")
    int pageSize() default 200;

    @AttributeDefinition(name = "Table names", required = false,
            description = "logical=physical, e.g. projects=JX.V_XMJXMB, verdicts=JX.T_MBSHJG (logical names: docs/host-sql.md)")
    String[] tables() default {};

    @AttributeDefinition(name = "Column names", required = false,
            description = "[table.]column=physical, e.g. body=NR (every table), projects.project_code=XMDM")
    String[] columns() default {};

    @AttributeDefinition(name = "Create the standard tables",
            description = "Create the exchange tables (standard names) when missing, for a test or demo database; "
                    + "a host's production schema is the host's to create (DDL in docs/)")
    boolean createSchema() default false;

    @AttributeDefinition(name = "Pool: maximum connections")
    int pool_maximumSize() default 4;

    @AttributeDefinition(name = "Pool: connection timeout (seconds)",
            description = "How long a pull or write waits for a connection before it counts as a host outage")
    int pool_connectionTimeoutSeconds() default 10;
}
