package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.perflink.compile.internal.IndicatorLibrary;
import org.perflink.compile.internal.IndicatorLibrary.CoreIndicator;

class IndicatorLibraryFileTest {

    private static IndicatorLibrary read(String json) throws IOException {
        return IndicatorLibraryFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedLibraryCoversCompulsoryEducation() throws IOException {
        // the module's tests run in bundles/compile; the file ships in the repository's config/
        IndicatorLibrary library = IndicatorLibrary.load(Path.of("../../config/indicator-library.json"));
        assertTrue(library.namesOf("2050202").containsAll(Set.of("改造学校数量", "学生家长满意度")));
        assertTrue(library.covers("2100101"));
        assertTrue(library.byFunction().values().stream().flatMap(List::stream)
                .allMatch(i -> !i.name().isBlank() && i.unit() != null && !i.unit().isBlank()));
    }

    @Test
    void readsFunctionCodesToCoreIndicatorsIgnoringUnknownFieldsAndEmptyEntries() throws IOException {
        IndicatorLibrary library = read("""
                {"2050202": [{"name": " 改造学校数量 ", "unit": "所", "level1": "OUTPUT"}, {"name": ""}, null],
                 "2100101": []}""");
        assertEquals(List.of(new CoreIndicator(" 改造学校数量 ", "所")), library.byFunction().get("2050202"));
        assertEquals(Set.of("改造学校数量"), library.namesOf("2050202"));
        assertFalse(library.covers("2100101"));
        assertFalse(library.covers(null));
    }

    @Test
    void aFileOfAnotherShapeIsAnError() {
        assertThrows(IOException.class, () -> read("[\"2050202\"]"));
        assertThrows(IOException.class, () -> read("{\"2050202\": [{\"name\": \"x\"}"));
    }
}
