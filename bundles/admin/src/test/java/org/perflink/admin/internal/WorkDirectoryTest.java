package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.reports.CheckInputException;
import org.perflink.reports.FakeRulePacks;
import org.perflink.reports.Loaded;
import org.perflink.reports.ProjectCheck;
import org.perflink.reports.RulePackFile;

/** perflink:check and perflink:simulate read and write inside the work directory only. */
class WorkDirectoryTest {

    @TempDir
    Path dir;

    Path root;
    Path secret;
    WorkDirectory work;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("data/perflink/work"));
        secret = Files.writeString(dir.resolve("users.properties"), "karaf = {CRYPT}SECRETHASH{CRYPT},admin\n");
        work = new WorkDirectory(root);
    }

    @Test
    void aRelativePathIsTakenInsideAndAFileThereIsUsable() throws Exception {
        Path pack = Files.writeString(root.resolve("p.cfg"), "name = p\n");
        assertEquals(pack, work.input("rulepack", "p.cfg"));
        assertEquals(pack, work.input("rulepack", pack.toString()), "an absolute path inside is fine");
        assertEquals(root.resolve("out.csv"), work.output("--csv", "out.csv"));
    }

    @Test
    void pathsOutsideTheWorkDirectoryAreRefusedWithoutSayingWhetherTheyExist() {
        for (String outside : new String[] {secret.toString(), "../../../users.properties", "/etc/passwd", "", "."}) {
            String message = assertThrows(CheckInputException.class, () -> work.input("file", outside)).getMessage();
            assertTrue(message.contains("must be inside the work directory " + root), message);
            assertThrows(CheckInputException.class, () -> work.output("--csv", outside));
        }
        String missing = assertThrows(CheckInputException.class, () -> work.input("file", "none.json")).getMessage();
        assertTrue(missing.contains("no such file in the work directory"), missing);
    }

    @Test
    void symbolicLinksAreRefusedAnywhereBelowTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("users.properties"), secret);
        Files.createSymbolicLink(root.resolve("up"), dir);
        Files.createSymbolicLink(root.resolve("out.csv"), secret);
        for (String link : new String[] {"users.properties", "up/users.properties"}) {
            String message = assertThrows(CheckInputException.class, () -> work.input("rulepack", link)).getMessage();
            assertTrue(message.contains("symbolic links are refused"), message);
        }
        assertThrows(CheckInputException.class, () -> work.output("--csv", "out.csv"));
        assertThrows(CheckInputException.class, () -> work.output("--csv", "up/new.csv"));
        assertEquals("karaf = {CRYPT}SECRETHASH{CRYPT},admin\n", Files.readString(secret), "the link's target untouched");
    }

    @Test
    void anExistingCsvIsNeverOverwrittenEvenWhenItAppearsAfterTheCheck() throws Exception {
        byte[] before = "keep me".getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("old.csv"), before);
        String message = assertThrows(CheckInputException.class, () -> work.output("--csv", "old.csv")).getMessage();
        assertTrue(message.contains("not overwritten"), message);
        assertArrayEquals(before, Files.readAllBytes(root.resolve("old.csv")));

        Path late = work.output("--csv", "late.csv");
        Files.createSymbolicLink(late, secret); // a link put there between the check and the write
        assertThrows(FileAlreadyExistsException.class, () -> {
            try (OutputStream out = WorkDirectory.create(late)) {
                out.write('x');
            }
        });
        assertEquals("karaf = {CRYPT}SECRETHASH{CRYPT},admin\n", Files.readString(secret));
    }

    @Test
    void errorsAboutAFilesContentNeverQuoteIt() throws Exception {
        // a .json that binds as no project, and a .cfg whose \\u escape is broken
        Files.writeString(root.resolve("bad.json"), "{\"projectCode\": \"SECRET-CODE\", \"budgetAmount\": \"SECRETHASH\"}");
        Files.writeString(root.resolve("bad.cfg"), "SECRETHASH = \\u12\n");
        String json = assertThrows(CheckInputException.class, () -> ProjectCheck.run(Loaded.codec(),
                Loaded.checks(root.resolve("none.json")), work.input("file", "bad.json"), null, null, false, new FakeRulePacks(),
                OffsetDateTime.now())).getMessage();
        assertFalse(json.contains("SECRET"), json);
        assertTrue(json.contains("budgetAmount"), "the field is named: " + json);
        String cfg = assertThrows(CheckInputException.class, () -> RulePackFile.load(work.input("rulepack", "bad.cfg")))
                .getMessage();
        assertFalse(cfg.contains("SECRET"), cfg);
    }
}
