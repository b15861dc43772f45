package org.perflink.core;

import java.util.List;

import org.perflink.api.model.Stage;

/**
 * The keys of a region's configuration ({@code etc/org.perflink.region-<code>.cfg}, factory PID
 * {@value #FACTORY_PID}), defined once for the core's Metatype, admin's region commands and the launcher.
 */
public final class RegionKeys {

    public static final String FACTORY_PID = "org.perflink.region";

    public static final String REGION_CODE = "regionCode";
    public static final String NAME = "name";
    public static final String ENABLED = "enabled";
    public static final String COMPILE_ENABLED = "compileEnabled";
    public static final String EXECUTE_ENABLED = "executeEnabled";
    public static final String CLOSE_ENABLED = "closeEnabled";
    public static final String RULE_PACK = "rulePack";
    public static final String POLL_INTERVAL_SECONDS = "pollIntervalSeconds";
    public static final String HOST_URL = "hostUrl";

    /** Every key, in the order a region file lists them. */
    public static final List<String> ALL = List.of(REGION_CODE, NAME, ENABLED, COMPILE_ENABLED, EXECUTE_ENABLED,
            CLOSE_ENABLED, RULE_PACK, POLL_INTERVAL_SECONDS, HOST_URL);

    /** The boolean switches: the region's and each stage's. */
    public static final List<String> SWITCHES = List.of(ENABLED, COMPILE_ENABLED, EXECUTE_ENABLED, CLOSE_ENABLED);

    private RegionKeys() {
    }

    /** The boolean key that switches the stage for the region: {@code compileEnabled}. */
    public static String stageEnabled(Stage stage) {
        return switch (stage) {
            case COMPILE -> COMPILE_ENABLED;
            case EXECUTE -> EXECUTE_ENABLED;
            case CLOSE -> CLOSE_ENABLED;
        };
    }
}
