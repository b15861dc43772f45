package org.perflink.host.files.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "PerfLink host: file drop (文件交换)",
        description = "A watched folder per region with the 绩效目标申报表 / 绩效自评表 workbooks and CSV files; results are written beside them (docs/host-files.md).")
@interface FilesHostConfig {

    @AttributeDefinition(name = "Name", required = false,
            description = "The host's name, which regions select with their 'host' key; empty: from the file name (org.perflink.host.files-<name>.cfg), or \"files\".")
    String name() default "";

    @AttributeDefinition(name = "Folder", description = "The drop folder; each region reads <folder>/<regionCode>/ and writes done/ and failed/ inside it.")
    String folder() default "data/perflink-files";

    @AttributeDefinition(name = "Stable for (ms)",
            description = "A file without a <name>.ready marker is read once its size and time are unchanged for this long (a copier still writing changes them).")
    long stableMillis() default 2000;

    @AttributeDefinition(name = "Host contract", options = {
        @org.osgi.service.metatype.annotations.Option(label = "1.0", value = "1.0"),
        @org.osgi.service.metatype.annotations.Option(label = "1.1", value = "1.1")},
            description = "1.1: the folder also serves evaluators and notice feedback (CSV), and takes the v1.1 result kinds.")
    String contract() default "1.0";
}
