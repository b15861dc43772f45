package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.model.Indicator.Operator;
import org.perflink.api.rules.RulePack;
import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;
import org.perflink.compile.internal.IndicatorLibrary.Scope;

/** The library file, format 2 (docs/indicator-library.md), and the per-region overlay. */
class IndicatorLibraryV2Test {

    private static final String V2 = """
            {"version": 2,
             "entries": {
              "2050202": [
               {"name": "改造学校数量", "unit": "所", "level1": "OUTPUT", "level2": "QUANTITY", "history": "12"},
               {"name": "工程验收合格率", "unit": "%", "standard": {"operator": "RANGE", "value": "95", "valueMax": "100"}}
              ],
              "COMMON": [{"name": "政策知晓率", "unit": "%", "scope": "POLICY", "standard": {"operator": "GE", "value": 90}}]
             }}""";

    private static IndicatorLibrary read(String json) throws IOException {
        return IndicatorLibraryFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "lib.json");
    }

    @Test
    void readsVersion2WithStandardsHistoryAndScope() throws IOException {
        IndicatorLibrary library = read(V2);
        CoreIndicator schools = library.byFunction().get("2050202").get(0);
        assertEquals(new CoreIndicator("改造学校数量", "所", "OUTPUT", "QUANTITY", Scope.PROJECT, null,
                new BigDecimal("12")), schools);
        CoreIndicator acceptance = library.byFunction().get("2050202").get(1);
        assertEquals(Operator.RANGE, acceptance.standard().operator());
        assertEquals(new BigDecimal("100"), acceptance.standard().valueMax());
        assertEquals(Scope.POLICY, library.byFunction().get("COMMON").get(0).scope());
        assertEquals(0, new BigDecimal("90").compareTo(library.byFunction().get("COMMON").get(0).standard().value()));
        assertEquals("lib.json", library.entriesOf("2050202").get(0).source());
    }

    @Test
    void aBadEntryFailsTheLoadNamingItsLineAndPath() {
        String bad = V2.replace("\"unit\": \"%\", \"standard\": {\"operator\": \"RANGE\"",
                "\"unit\": \"%\", \"standard\": {\"operator\": \"ABOUT\"");
        IOException e = assertThrows(IOException.class, () -> read(bad));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("$.entries.2050202[1]")
                && e.getMessage().contains("standard.operator"), e.getMessage());
        for (String[] broken : List.of(new String[] {"\"unit\": \"所\",", "", "unit is required"},
                new String[] {"\"history\": \"12\"", "\"history\": \"十二\"", "history '十二' is not a number"},
                new String[] {"\"valueMax\": \"100\"", "\"valueMax\": \"90\"", "below standard.value"},
                new String[] {"\"scope\": \"POLICY\"", "\"scope\": \"PERSON\"", "scope 'PERSON'"},
                new String[] {"\"COMMON\"", "\"common\"", "$.entries.common"},
                new String[] {"\"version\": 2", "\"version\": 3", "$.version"})) {
            IOException ex = assertThrows(IOException.class, () -> read(V2.replace(broken[0], broken[1])));
            assertTrue(ex.getMessage().contains(broken[2]), ex.getMessage());
            assertTrue(ex.getMessage().contains("lib.json"), ex.getMessage());
        }
    }

    @Test
    void theShippedLibraryIsVersion2AndValid() throws IOException {
        IndicatorLibrary shipped = IndicatorLibrary.load(Path.of("../../config/indicator-library.json"));
        assertTrue(shipped.covers("2050202"));
        assertTrue(Files.readString(Path.of("../../config/indicator-library.json")).contains("\"version\": 2"));
    }

    @Test
    void aRegionsFileOverlaysItsParentsAndABadEditKeepsThePreviousVersion(@TempDir Path dir) throws IOException {
        Path province = dir.resolve("province.json");
        Path city = dir.resolve("city.json");
        Files.writeString(province, "{\"version\": 2, \"entries\": {\"205\": [{\"name\": \"新增学位数\", \"unit\": \"个\"}]}}");
        Files.writeString(city, "{\"version\": 2, \"entries\": {\"205\": [{\"name\": \"新增学位数\", \"unit\": \"个\","
                + " \"history\": \"600\"}, {\"name\": \"校车配备数\", \"unit\": \"辆\"}]}}");
        RulePack provincePack = new RulePack("440000", "1", Map.of("library.file", province.toString()), RulePack.DEFAULT);
        RulePack cityPack = new RulePack("440100", "1", Map.of("library.file", city.toString()), provincePack);
        assertEquals(List.of(new RegionLibraries.Layer("440000@1", province), new RegionLibraries.Layer("440100@1", city)),
                RegionLibraries.layersOf(cityPack));

        RegionLibraries libraries = new RegionLibraries();
        IndicatorLibrary base = new IndicatorLibrary(Map.of("COMMON", List.of(new CoreIndicator("满意度", "%"))), "base");
        IndicatorLibrary forCity = libraries.libraryFor(base, cityPack);
        IndicatorLibrary.Match places = forCity.lookup("2050202", Scope.PROJECT).match("新增学位数").orElseThrow();
        assertEquals(city.toString(), places.source());
        assertEquals(new BigDecimal("600"), places.indicator().history());
        assertEquals(List.of("新增学位数", "校车配备数", "满意度"),
                List.copyOf(forCity.lookup("2050202", Scope.PROJECT).names()));
        assertEquals(province.toString(), libraries.libraryFor(base, provincePack).lookup("2050202", Scope.PROJECT)
                .match("新增学位数").orElseThrow().source());

        // a broken edit of the city's file: the previous version stays in use
        Files.writeString(city, "{\"version\": 2, \"entries\": {\"205\": [{\"name\": \"校车配备数\"}]}}");
        Files.setLastModifiedTime(city, FileTime.fromMillis(Files.getLastModifiedTime(city).toMillis() + 5000));
        assertEquals(new BigDecimal("600"), libraries.libraryFor(base, cityPack).lookup("2050202", Scope.PROJECT)
                .match("新增学位数").orElseThrow().indicator().history());
        // a file that was never good adds nothing
        RulePack broken = new RulePack("440106", "1", Map.of("library.file", city.toString()), RulePack.DEFAULT);
        assertEquals(base.byFunction(), new RegionLibraries().libraryFor(base, broken).byFunction());
    }
}
