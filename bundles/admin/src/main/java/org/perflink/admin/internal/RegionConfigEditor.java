package org.perflink.admin.internal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.perflink.core.RegionKeys;
import org.perflink.core.ConfigValues;
import org.perflink.core.RegionCode;

/**
 * Reads and changes the {@code org.perflink.region} factory configurations through ConfigurationAdmin, so a
 * change takes effect live (SCR re-activates the region) and persists in {@code etc/}:
 * <ul>
 * <li>a configuration that came from {@code etc/org.perflink.region-<code>.cfg} carries
 * {@code felix.fileinstall.filename}, and Felix FileInstall writes every update back to that file;</li>
 * <li>FileInstall never creates a file for a configuration made through ConfigurationAdmin, so for a new
 * region (or one that has no file) this class writes {@code etc/org.perflink.region-<code>.cfg} itself
 * and points {@code felix.fileinstall.filename} at it — as Karaf's own {@code config:} commands do — after
 * the update, so FileInstall finds the configuration by that name instead of creating a second one.</li>
 * </ul>
 * Keys this class does not change are kept as they are, with their types.
 */
public final class RegionConfigEditor {

    public static final String FACTORY_PID = "org.perflink.region";
    /** Set by Felix FileInstall on configurations it read from a file (a {@code file:} URI). */
    public static final String FILENAME = "felix.fileinstall.filename";

    /** The keys of a region configuration, in the order a new file lists them (RegionConfig). */
    public static final List<String> KEYS = RegionKeys.ALL;
    /** Switches whose metatype default is {@code true}: a missing key means on. */
    private static final Set<String> SWITCHES = Set.copyOf(RegionKeys.SWITCHES);
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, FILENAME);

    private final ConfigurationAdmin configAdmin;
    private final Path etcDir;

    /** {@code etcDir} is Karaf's {@code etc/} ({@code karaf.etc}); null: never write files (changes stay in ConfigAdmin). */
    public RegionConfigEditor(ConfigurationAdmin configAdmin, Path etcDir) {
        this.configAdmin = configAdmin;
        this.etcDir = etcDir;
    }

    /** {@code karaf.etc} of this container, or null outside Karaf. */
    public static Path karafEtc() {
        String etc = System.getProperty("karaf.etc");
        return etc == null || etc.isBlank() ? null : Path.of(etc);
    }

    /** What an update changed: the touched keys before and after (a key absent before is null there). */
    public record Change(String regionCode, Map<String, String> before, Map<String, String> after, Path file) {

        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** The configuration of a region, if there is one. Two configurations for one code are an error. */
    public Optional<Configuration> find(String regionCode) throws IOException {
        requireCode(regionCode);
        List<Configuration> matches = new ArrayList<>();
        for (Configuration c : all()) {
            Object code = c.getProperties().get(RegionKeys.REGION_CODE);
            if (code != null && regionCode.equals(code.toString().strip())) {
                matches.add(c);
            }
        }
        if (matches.size() > 1) {
            List<String> pids = matches.stream().map(Configuration::getPid).toList();
            throw new IllegalStateException("区划 " + regionCode + " 有多个配置 (several configurations for region "
                    + regionCode + "): " + pids + " — 请删除多余的 (remove the extra ones in etc/)");
        }
        return matches.stream().findFirst();
    }

    /** The region's configuration properties without ConfigAdmin's bookkeeping, in {@link #KEYS} order first. */
    public Map<String, Object> properties(String regionCode) throws IOException {
        Configuration config = find(regionCode).orElseThrow(() -> notConfigured(regionCode));
        return ordered(config.getProperties());
    }

    /**
     * Sets keys of an existing region configuration, keeping every other key. Does nothing (and says so in
     * the returned change) when every value is already as asked.
     */
    public Change update(String regionCode, Map<String, String> values) throws IOException {
        requireLiterals(values);
        Configuration config = find(regionCode).orElseThrow(() -> notConfigured(regionCode));
        Dictionary<String, Object> props = config.getProperties();
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        Hashtable<String, Object> updated = copy(props);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            Object old = props.get(key);
            before.put(key, normalized(key, old));
            after.put(key, normalized(key, e.getValue()));
            // Keep a typed value typed (a .config file or the web console may have stored a Boolean).
            updated.put(key, old instanceof Boolean ? Boolean.valueOf(e.getValue()) : e.getValue());
        }
        Path file = fileOf(props);
        Change change = new Change(regionCode, before, after, file);
        if (!change.changed()) {
            return change;
        }
        Path toWrite = null;
        if ((file == null || !Files.isRegularFile(file)) && etcDir != null) {
            Path candidate = etcDir.resolve(fileName(regionCode));
            if (!Files.exists(candidate)) {
                toWrite = candidate;
                updated.put(FILENAME, fileUri(candidate));
            }
        }
        config.update(updated);
        if (toWrite != null) {
            writeCfg(toWrite, regionCode, ordered(updated));
            file = toWrite;
        }
        return new Change(regionCode, before, after, file);
    }

    /**
     * Creates a region's configuration ({@code getFactoryConfiguration(FACTORY_PID, code, "?")}, so it binds
     * to the region component and not to this bundle) and its {@code etc/} file. Returns the file, or null
     * when there is no {@code etc/}.
     */
    public Path create(String regionCode, Map<String, String> values) throws IOException {
        requireCode(regionCode);
        requireLiterals(values);
        if (find(regionCode).isPresent()) {
            throw new IllegalStateException("区划已配置 (region already configured): " + regionCode);
        }
        Path file = etcDir == null ? null : etcDir.resolve(fileName(regionCode));
        if (file != null && Files.exists(file)) {
            throw new IllegalStateException("文件已存在 (file exists): " + file
                    + " — FileInstall 会读取它 (FileInstall will load it); 请检查其内容 (check its content)");
        }
        Configuration config = configAdmin.getFactoryConfiguration(FACTORY_PID, regionCode, "?");
        if (config.getProperties() != null) {
            throw new IllegalStateException("配置已存在 (configuration exists): " + config.getPid());
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.putAll(values);
        props.put(RegionKeys.REGION_CODE, regionCode);
        if (file != null) {
            props.put(FILENAME, fileUri(file));
        }
        config.update(props);
        if (file != null) {
            writeCfg(file, regionCode, ordered(props));
        }
        return file;
    }

    /** Deletes a region's configuration and its file; returns its properties as they were. */
    public Map<String, Object> delete(String regionCode) throws IOException {
        Configuration config = find(regionCode).orElseThrow(() -> notConfigured(regionCode));
        Dictionary<String, Object> props = config.getProperties();
        Path file = fileOf(props);
        config.delete();
        // FileInstall deletes the file of a configuration it loaded; this covers one it has not seen yet.
        if (file != null) {
            Files.deleteIfExists(file);
        }
        return ordered(props);
    }

    /** The file a region's configuration lives in, if known. */
    public Optional<Path> file(String regionCode) throws IOException {
        Configuration config = find(regionCode).orElseThrow(() -> notConfigured(regionCode));
        return Optional.ofNullable(fileOf(config.getProperties()));
    }

    /** {@code key=value, ...} for the audit log, in {@link #KEYS} order; null values print as (unset). */
    public static String describe(Map<String, ?> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (BOOKKEEPING.contains(e.getKey())) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                    .append(e.getValue() == null ? "(unset)" : e.getValue());
        }
        return sb.toString();
    }

    /** The file name FileInstall gives a factory configuration instance: {@code org.perflink.region-<code>.cfg}. */
    public static String fileName(String regionCode) {
        return FACTORY_PID + "-" + regionCode + ".cfg";
    }

    /**
     * The form FileInstall stores and looks configurations up by: {@code File.toURI()} ({@code file:/...}),
     * not {@code Path.toUri()} ({@code file:///...}) — a different spelling would make FileInstall create a
     * second configuration for the same file.
     */
    static String fileUri(Path file) {
        return file.toAbsolutePath().toFile().toURI().toString();
    }

    private List<Configuration> all() throws IOException {
        Configuration[] configs;
        try {
            configs = configAdmin.listConfigurations("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        List<Configuration> list = new ArrayList<>();
        if (configs != null) {
            for (Configuration c : configs) {
                if (c.getProperties() != null) {
                    list.add(c);
                }
            }
        }
        return list;
    }

    private static Path fileOf(Dictionary<String, Object> props) {
        Object name = props == null ? null : props.get(FILENAME);
        if (name == null || name.toString().isBlank()) {
            return null;
        }
        String s = name.toString();
        try {
            return s.startsWith("file:") ? new File(new URI(s)).toPath() : Path.of(s);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalized(String key, Object value) {
        if (value == null) {
            return SWITCHES.contains(key) ? "true" : null; // the metatype default
        }
        String s = value.toString().strip();
        return SWITCHES.contains(key) ? String.valueOf(Boolean.parseBoolean(s)) : s;
    }

    private static Hashtable<String, Object> copy(Dictionary<String, Object> props) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            copy.put(key, props.get(key));
        }
        return copy;
    }

    private static Map<String, Object> ordered(Dictionary<String, Object> props) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : KEYS) {
            Object v = props.get(key);
            if (v != null) {
                ordered.put(key, v);
            }
        }
        List<String> others = new ArrayList<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            if (!ordered.containsKey(key) && !BOOKKEEPING.contains(key)) {
                others.add(key);
            }
        }
        Collections.sort(others);
        for (String key : others) {
            ordered.put(key, props.get(key));
        }
        return ordered;
    }

    /**
     * Writes a {@code .cfg} file as FileInstall reads it (a properties file). FileInstall reads ISO-8859-1
     * unless configured otherwise, so anything outside ASCII is written as a {@code \\uXXXX} escape, which
     * every reading of the file understands.
     */
    static void writeCfg(Path file, String regionCode, Map<String, Object> values) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# PerfLink region ").append(regionCode).append(" (written by the perflink: shell commands)\n");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            sb.append(escape(e.getKey(), true)).append(" = ").append(escape(String.valueOf(e.getValue()), false))
                    .append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.ISO_8859_1);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '=', ':', '#', '!' -> sb.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Karaf would expand {@code ${…}} and {@code $[…]} in a stored value (a secret shown to viewers): refused. */
    private static void requireLiterals(Map<String, String> values) {
        values.forEach(ConfigValues::requireLiteral);
    }

    private static void requireCode(String regionCode) {
        if (!RegionCode.valid(regionCode)) {
            throw new IllegalArgumentException(RegionCode.MUST_BE + ": '"
                    + regionCode + "'");
        }
    }

    private static IllegalArgumentException notConfigured(String regionCode) {
        return new IllegalArgumentException("区划未配置 (region not configured): " + regionCode
                + " — 用 (use) perflink:region-add " + regionCode);
    }
}
