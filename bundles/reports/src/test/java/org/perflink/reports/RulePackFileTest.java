package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.rules.RulePack;

class RulePackFileTest {

    @TempDir
    Path dir;

    @Test
    void nameVersionAndOverridesAsTheCoreReadsAConfiguration() throws Exception {
        Path file = Files.writeString(dir.resolve("org.perflink.rulepack-gz.cfg"), """
                # a comment
                name = guangzhou
                version = 2
                link.project.mediumRatio = -0.20
                rule.GOAL_MISSING.enabled = false
                felix.fileinstall.filename = file:/opt/karaf/etc/org.perflink.rulepack-gz.cfg
                service.factoryPid = org.perflink.rulepack
                """, StandardCharsets.ISO_8859_1);
        RulePack pack = RulePackFile.load(file);
        assertEquals("guangzhou@2", pack.id());
        assertNull(pack.parent());
        assertEquals(Map.of("link.project.mediumRatio", "-0.20", "rule.GOAL_MISSING.enabled", "false"), pack.values());
    }

    @Test
    void withoutANameTheFileNamesThePackAndEscapesAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("medium20.properties"),
                "link.project.mediumRatio=-0.20\nnote = \\u5e7f\\u4e1c\n", StandardCharsets.ISO_8859_1);
        RulePack pack = RulePackFile.load(file);
        assertEquals("medium20@1", pack.id());
        assertEquals("广东", pack.values().get("note"));
        assertEquals("gz@1", RulePackFile.load(Files.writeString(dir.resolve("org.perflink.rulepack-gz.cfg"), "a=1\n")).id());
    }

    @Test
    void onlyExistingCfgOrPropertiesFilesAndNoContentInMessages() throws IOException {
        Path json = Files.writeString(dir.resolve("pack.json"), "{\"secret\": \"s3cret\"}");
        String wrongKind = assertThrows(CheckInputException.class, () -> RulePackFile.load(json)).getMessage();
        assertTrue(wrongKind.contains(".cfg or .properties"), wrongKind);
        String missing = assertThrows(CheckInputException.class, () -> RulePackFile.load(dir.resolve("nope.cfg"))).getMessage();
        assertTrue(missing.contains("no such rule pack file"), missing);
        Path bad = Files.writeString(dir.resolve("bad.cfg"), "key = s3cret\\u12\n", StandardCharsets.ISO_8859_1);
        String unreadable = assertThrows(CheckInputException.class, () -> RulePackFile.load(bad)).getMessage();
        assertTrue(unreadable.contains("unreadable"), unreadable);
        assertFalse(unreadable.contains("s3cret"), unreadable);
    }
}
