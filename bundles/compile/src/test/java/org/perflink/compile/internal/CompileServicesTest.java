package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.core.SystemProperties;
import org.perflink.api.model.Phase;
import org.perflink.api.model.Stage;
import org.perflink.api.rules.RulePack;
import org.perflink.api.stage.RuleCatalog;
import org.perflink.api.stage.TargetCheck;

/** What the compile stage publishes: its catalogue, its target check, and both outside OSGi. */
class CompileServicesTest {

    @TempDir
    Path dir;

    private static CompileHook.Config config(String file) {
        return new CompileHook.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CompileHook.Config.class;
            }

            @Override
            public String file() {
                return file;
            }
        };
    }

    @Test
    void theCatalogueListsEveryRuleWithItsPhaseSeverityAndADescriptionInBothLanguages() {
        RuleCatalog catalog = new CompileRuleCatalog();
        assertEquals(Stage.COMPILE, catalog.stage());
        assertEquals(Arrays.stream(Rule.values()).map(Rule::id).toList(),
                catalog.rules().stream().map(RuleCatalog.RuleInfo::ruleId).toList());
        for (RuleCatalog.RuleInfo r : catalog.rules()) {
            Rule rule = Rule.valueOf(r.ruleId());
            assertEquals(rule.phase(), r.phase(), r.ruleId());
            assertEquals(rule.severity(), r.builtInSeverity(), r.ruleId());
            assertFalse(r.descriptionZh().isBlank() || r.descriptionEn().isBlank(), "description of " + r.ruleId());
        }
        assertFalse(catalog.parameters().isEmpty());
        catalog.parameters().forEach(p -> assertTrue(p.defaultValue() != null && !p.key().isBlank(), p.toString()));
    }

    @Test
    void serviceLoaderFindsTheCatalogueAndTheStandaloneChecks() throws IOException {
        assertEquals(Stage.COMPILE, ServiceLoader.load(RuleCatalog.class).findFirst().orElseThrow().stage());
        Path library = Files.writeString(dir.resolve("lib.json"), "{\"2050202\": [{\"name\": \"新增学位数\", \"unit\": \"个\"}]}");
        TargetCheck.Factory factory = ServiceLoader.load(TargetCheck.Factory.class).findFirst().orElseThrow();
        try (TargetCheck.Standalone check = factory.open(library)) {
            assertEquals(new TargetCheck.Library(library.toString(), true), check.library());
            assertEquals(Phase.DECLARED, check.check(TestProjects.aProject().build(), Phase.DECLARED, RulePack.DEFAULT,
                    OffsetDateTime.parse("2027-03-01T10:00:00+08:00")).phase());
        }
        try (TargetCheck.Standalone none = factory.open(dir.resolve("absent.json"))) {
            assertFalse(none.library().loaded(), "a missing library is an empty one");
        }
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"2050202\": [");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> factory.open(broken));
        assertTrue(e.getMessage().contains("indicator library unreadable") && e.getMessage().contains(broken.toString()),
                e.getMessage());
    }

    @Test
    void theCheckServiceReadsTheLibraryTheHookIsConfiguredWith() throws IOException {
        Files.writeString(dir.resolve("lib.json"), "{\"2050202\": [{\"name\": \"新增学位数\", \"unit\": \"个\"}]}");
        System.setProperty("perflink.test.services", dir.toString());
        try {
            CompileTargetCheck check = new CompileTargetCheck(config("${perflink.test.services}/lib.json"));
            assertEquals(new TargetCheck.Library(dir.resolve("lib.json").toString(), true), check.library());
            check.deactivate();
        } finally {
            System.clearProperty("perflink.test.services");
        }
    }

    @Test
    void theLibraryLocationFollowsTheCompileHooksConfiguration() {
        Path builtIn = Path.of(SystemProperties.substitute(LibraryLocation.DEFAULT_FILE));
        assertEquals(builtIn, LibraryLocation.resolve(null), "no configuration: the hook's default");
        assertEquals(builtIn, LibraryLocation.resolve(" "));
        if (System.getProperty("karaf.etc") == null) {
            assertEquals(Path.of("${karaf.etc}/perflink-indicator-library.json"), builtIn,
                    "an unknown property stays as written (the file is then simply missing)");
        }
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "lib.json"),
                LibraryLocation.resolve("${java.io.tmpdir}/lib.json"));
    }
}
