package org.perflink.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.perflink.api.rules.RulePack;

/**
 * A rule pack read from a {@code .cfg} or {@code .properties} file, the same file a region's pack is
 * configured with ({@code etc/org.perflink.rulepack-<name>.cfg}): {@code name}, {@code version} (default
 * {@code 1}), every other key a parameter override. Read as Karaf reads {@code .cfg} files: Java properties,
 * ISO-8859-1 with {@code \\uXXXX} escapes. The bookkeeping keys ConfigAdmin and File Install add are not
 * parameters (as in the core's rule pack component). Without {@code name}, the file's name is the pack's
 * name ({@code org.perflink.rulepack-gz.cfg} → {@code gz}), so a quick what-if file needs only its overrides.
 * <p>
 * The pack read has no parent; the caller lays it over the pack it replaces ({@link RulePack#withParent}).
 */
public final class RulePackFile {

    /** Configuration properties that are bookkeeping, not parameters. */
    private static final Set<String> NOT_PARAMETERS = Set.of("name", "version", "service.pid",
            "service.factoryPid", "service.bundleLocation", "component.name", "component.id",
            "felix.fileinstall.filename", "webconsole.configurationFactory.nameHint");

    private static final String FACTORY_PREFIX = "org.perflink.rulepack-";

    private RulePackFile() {
    }

    /**
     * @throws CheckInputException the file is missing, not a {@code .cfg}/{@code .properties} file or unreadable;
     *         the message never quotes the file's content
     */
    public static RulePack load(Path file) throws CheckInputException {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        String stem;
        if (lower.endsWith(".cfg")) {
            stem = fileName.substring(0, fileName.length() - 4);
        } else if (lower.endsWith(".properties")) {
            stem = fileName.substring(0, fileName.length() - 11);
        } else {
            throw new CheckInputException("规则包须为 .cfg 或 .properties 文件 (a rule pack must be a .cfg or .properties file): " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new CheckInputException("规则包文件不存在 (no such rule pack file): " + file);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: a malformed \\uXXXX escape
            throw new CheckInputException("规则包文件不可读 (rule pack file unreadable): " + file + ": "
                    + e.getClass().getSimpleName());
        }
        String name = properties.getProperty("name", "").strip();
        if (name.isEmpty()) {
            name = stem.startsWith(FACTORY_PREFIX) ? stem.substring(FACTORY_PREFIX.length()) : stem;
        }
        if (name.isEmpty()) {
            throw new CheckInputException("规则包缺少名称 (rule pack has no 'name'): " + file);
        }
        String version = properties.getProperty("version", "1").strip();
        Map<String, String> values = new LinkedHashMap<>();
        // sorted: a properties file has no order of its own, and reports list the keys in a stable order
        for (Map.Entry<String, String> e : new TreeMap<>(asStrings(properties)).entrySet()) {
            if (!NOT_PARAMETERS.contains(e.getKey())) {
                values.put(e.getKey(), e.getValue().strip());
            }
        }
        return new RulePack(name, version.isEmpty() ? "1" : version, values, null);
    }

    private static Map<String, String> asStrings(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            map.put(key.strip(), properties.getProperty(key));
        }
        return map;
    }
}
