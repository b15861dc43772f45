package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionConfigEditorTest {

    @TempDir
    Path etc;

    private FakeConfigAdmin configAdmin;
    private RegionConfigEditor editor;

    @BeforeEach
    void setUp() {
        configAdmin = new FakeConfigAdmin();
        editor = new RegionConfigEditor(configAdmin, etc);
    }

    /** A region as FileInstall loads it from etc/: string values and the file name property. */
    private FakeConfigAdmin.FakeConfiguration fromFile(String code, Map<String, Object> extra) throws IOException {
        Path file = etc.resolve("org.perflink.region-" + code + ".cfg");
        Files.writeString(file, "regionCode = " + code + "\n");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("regionCode", code);
        props.put("name", "region " + code);
        props.put("enabled", "true");
        props.put("compileEnabled", "true");
        props.put("executeEnabled", "true");
        props.put("closeEnabled", "true");
        props.put("rulePack", "");
        props.put("pollIntervalSeconds", "1");
        props.put(RegionConfigEditor.FILENAME, file.toFile().toURI().toString());
        props.putAll(extra);
        return configAdmin.addFactoryConfig(RegionConfigEditor.FACTORY_PID, "fi-" + code, props);
    }

    @Test
    void findsARegionByItsCodeAmongTheFactoryConfigurations() throws IOException {
        fromFile("440000", Map.of());
        fromFile("440100", Map.of("regionCode", " 440100 "));
        configAdmin.addFactoryConfig("org.perflink.rulepack", "gd", Map.of("name", "gd", "regionCode", "440300"));

        assertEquals("org.perflink.region~fi-440100", editor.find("440100").orElseThrow().getPid(),
                "the code is compared trimmed, as the region component reads it");
        assertTrue(editor.find("440300").isEmpty(), "another factory's configuration is not a region");
        assertThrows(IllegalArgumentException.class, () -> editor.find("44"));
    }

    @Test
    void twoConfigurationsForOneCodeAreReportedNotGuessed() throws IOException {
        fromFile("440000", Map.of());
        configAdmin.addFactoryConfig(RegionConfigEditor.FACTORY_PID, "dup", Map.of("regionCode", "440000"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> editor.find("440000"));
        assertTrue(e.getMessage().contains("org.perflink.region~dup"), e.getMessage());
    }

    @Test
    void updateChangesOnlyTheGivenKeysAndLeavesWritingBackToFileInstall() throws IOException {
        FakeConfigAdmin.FakeConfiguration config = fromFile("440000", Map.of("hostUrl", "http://h:1", "custom", 7));
        Path file = etc.resolve("org.perflink.region-440000.cfg");
        String fileBefore = Files.readString(file);

        RegionConfigEditor.Change change = editor.update("440000", Map.of("executeEnabled", "false"));

        assertTrue(change.changed());
        assertEquals(Map.of("executeEnabled", "true"), change.before());
        assertEquals(Map.of("executeEnabled", "false"), change.after());
        assertEquals(file, change.file());
        assertEquals("false", config.value("executeEnabled"));
        assertEquals("http://h:1", config.value("hostUrl"));
        assertEquals(7, config.value("custom"), "other keys keep their value and type");
        assertEquals("region 440000", config.value("name"));
        assertEquals(fileBefore, Files.readString(file), "FileInstall writes a loaded configuration back, not this class");
    }

    @Test
    void anUnchangedValueDoesNotUpdateAndAMissingSwitchCountsAsItsDefaultOn() throws IOException {
        FakeConfigAdmin.FakeConfiguration config = configAdmin.addFactoryConfig(RegionConfigEditor.FACTORY_PID, "x",
                Map.of("regionCode", "440000", "enabled", Boolean.TRUE));
        RegionConfigEditor.Change same = editor.update("440000", Map.of("enabled", "true", "closeEnabled", "TRUE"));
        assertFalse(same.changed(), "missing closeEnabled is on by default: " + same);
        assertEquals(0, config.updates);

        editor.update("440000", Map.of("enabled", "false"));
        assertEquals(Boolean.FALSE, config.value("enabled"), "a Boolean value stays a Boolean");
    }

    @Test
    void aConfigurationWithoutAFileGetsOneInEtc() throws IOException {
        FakeConfigAdmin.FakeConfiguration config = configAdmin.addFactoryConfig(RegionConfigEditor.FACTORY_PID, "x",
                Map.of("regionCode", "440100", "name", "广州市"));

        RegionConfigEditor.Change change = editor.update("440100", Map.of("compileEnabled", "false"));

        Path file = etc.resolve("org.perflink.region-440100.cfg");
        assertEquals(file, change.file());
        assertEquals(file.toFile().toURI().toString(), config.value(RegionConfigEditor.FILENAME));
        Properties written = load(file);
        assertEquals("false", written.getProperty("compileEnabled"));
        assertEquals("广州市", written.getProperty("name"));
        assertNull(written.getProperty(RegionConfigEditor.FILENAME), "bookkeeping keys stay out of the file");
        assertNull(written.getProperty("service.pid"));
    }

    @Test
    void createMakesALocationFreeFactoryConfigurationAndItsFile() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "深圳市 = 特区");
        values.put("enabled", "true");
        values.put("compileEnabled", "true");
        values.put("executeEnabled", "false");
        values.put("closeEnabled", "true");
        values.put("rulePack", "sz");

        Path file = editor.create("440300", values);

        assertEquals(List.of("?"), configAdmin.factoryLocations, "location ? so the region component, not this bundle, gets it");
        FakeConfigAdmin.FakeConfiguration config = configAdmin.configs.get("org.perflink.region~440300");
        assertEquals("440300", config.value("regionCode"));
        assertEquals("false", config.value("executeEnabled"));
        String uri = (String) config.value(RegionConfigEditor.FILENAME);
        assertTrue(uri.startsWith("file:/") && !uri.startsWith("file:///"),
                "FileInstall's spelling (File.toURI), or it would load the file as a second configuration: " + uri);
        assertEquals(etc.resolve("org.perflink.region-440300.cfg"), file);
        Properties written = load(file);
        assertEquals("深圳市 = 特区", written.getProperty("name"));
        assertEquals("sz", written.getProperty("rulePack"));
        assertEquals("440300", written.getProperty("regionCode"));
        String raw = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(raw.chars().allMatch(c -> c < 0x80), "ASCII only, readable as ISO-8859-1 by FileInstall:\n" + raw);
        assertTrue(raw.indexOf("regionCode") < raw.indexOf("name"), "keys in the region configuration's order:\n" + raw);
    }

    @Test
    void createRefusesARegionThatExistsOrAFileInTheWay() throws IOException {
        fromFile("440000", Map.of());
        assertThrows(IllegalStateException.class, () -> editor.create("440000", Map.of()));
        Files.writeString(etc.resolve("org.perflink.region-440500.cfg"), "regionCode = 440500\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> editor.create("440500", Map.of()));
        assertTrue(e.getMessage().contains("org.perflink.region-440500.cfg"), e.getMessage());
    }

    @Test
    void withoutEtcNothingIsWritten() throws IOException {
        RegionConfigEditor noEtc = new RegionConfigEditor(configAdmin, null);
        assertNull(noEtc.create("440300", Map.of("name", "sz")));
        assertNull(configAdmin.configs.get("org.perflink.region~440300").value(RegionConfigEditor.FILENAME));
        try (var files = Files.list(etc)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void deleteRemovesTheConfigurationAndItsFile() throws IOException {
        fromFile("440000", Map.of());
        Path file = etc.resolve("org.perflink.region-440000.cfg");

        Map<String, Object> before = editor.delete("440000");

        assertEquals("region 440000", before.get("name"));
        assertFalse(before.containsKey(RegionConfigEditor.FILENAME));
        assertTrue(configAdmin.configs.isEmpty());
        assertFalse(Files.exists(file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> editor.delete("440000"));
        assertTrue(e.getMessage().contains("perflink:region-add"), e.getMessage());
    }

    @Test
    void describeListsKeysForTheAuditLog() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", "true");
        values.put("service.pid", "x");
        values.put("rulePack", null);
        assertEquals("enabled=true, rulePack=(unset)", RegionConfigEditor.describe(values));
    }

    @Test
    void escapesWhatAPropertiesReaderWouldMisread() {
        assertEquals("\\ lead", RegionConfigEditor.escape(" lead", false));
        assertEquals("a\\:b", RegionConfigEditor.escape("a:b", true));
        assertEquals("a:b=c", RegionConfigEditor.escape("a:b=c", false));
        assertEquals("\\u7f16\\u5236", RegionConfigEditor.escape("编制", false));
        assertEquals("C:\\\\x", RegionConfigEditor.escape("C:\\x", false));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void anUpdateWithAValueKarafWouldExpandIsRefusedAndChangesNothing() throws IOException {
        FakeConfigAdmin.FakeConfiguration config = fromFile("440000", Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> editor.update("440000", Map.of("name", "$[secret:perflink.host]")));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
        assertEquals("region 440000", config.value("name"));
        assertEquals(0, config.updates);
    }
}
