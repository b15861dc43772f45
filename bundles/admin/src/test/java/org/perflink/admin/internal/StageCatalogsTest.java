package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StageCatalogsTest {

    @Test
    void stagesAreFoundByWhetherTheirPackageLoads() {
        assertTrue(StageCatalogs.compileInstalled());
        assertTrue(StageCatalogs.hostJsonInstalled());
        assertEquals(List.of(), StageCatalogs.missing());
        assertFalse(StageCatalogs.available("org.perflink.nonexistent.Stage"));
    }

    @Test
    void everyCatalogueHasParametersWithDefaults() {
        for (StageCatalog c : StageCatalogs.installed()) {
            assertFalse(c.parameters().isEmpty(), c.stage().name());
            c.parameters().forEach(p -> assertTrue(p.defaultValue() != null && !p.key().isBlank(), p.toString()));
            assertFalse(c.rules().isEmpty(), c.stage().name());
        }
    }

    @Test
    void theLibraryLocationFollowsTheCompileHooksConfiguration() {
        Path builtIn = Path.of(LibraryLocation.substitute(LibraryLocation.DEFAULT_FILE));
        assertEquals(builtIn, LibraryLocation.resolve(null));
        FakeConfigAdmin configAdmin = new FakeConfigAdmin();
        assertEquals(builtIn, LibraryLocation.resolve(configAdmin), "no configuration: the hook's default");
        if (System.getProperty("karaf.etc") == null) {
            assertEquals(Path.of("${karaf.etc}/perflink-indicator-library.json"), builtIn,
                    "an unknown property stays as written (the file is then simply missing)");
        }

        configAdmin.addConfig(LibraryLocation.PID, Map.of("file", "${java.io.tmpdir}/lib.json"));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "lib.json"), LibraryLocation.resolve(configAdmin));
    }
}
