package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    /** The command object picocli filled from {@code args} (its name first), without running it. */
    private static <T> T parsed(T command, String... args) {
        picocli.CommandLine cl = Main.commandLine(command);
        try {
            cl.parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
        } catch (picocli.CommandLine.ParameterException e) {
            throw new Main.UsageException(e.getMessage());
        }
        return command;
    }

    private StartCommand start() {
        return new StartCommand(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void optionsTakeValuesFlagsAndEqualsForms() {
        StartCommand opts = parsed(start(), "start", "--host-url", "http://h", "--once", "--region=440000,440100");
        assertEquals(Map.of("host-url", "http://h", "once", "true", "region", "440000,440100"),
                Map.of("host-url", opts.hostUrl, "once", String.valueOf(opts.once), "region", opts.region));
        assertThrows(Main.UsageException.class, () -> parsed(start(), "start", "stray"));
    }

    @Test
    void flagsNeverTakeTheNextArgument() {
        CheckCommand a = parsed(new CheckCommand(dir, System.out, System.err), "check", "--json", "p.json", "--phase", "REVIEWED");
        assertEquals(java.util.List.of("p.json"), a.files);
        assertEquals(Map.of("json", "true", "phase", "REVIEWED"), Map.of("json", String.valueOf(a.json), "phase", a.phase));
        assertThrows(Main.UsageException.class, () -> parsed(start(), "start", "--once", "stray"));
    }

    @Test
    void startRefusesAMalformedRegionOrStageBeforeTouchingAnything() throws Exception {
        Main main = new Main(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Main.UsageException region = assertThrows(Main.UsageException.class, () -> main.run(
                new String[] {"start", "--host-url", "http://127.0.0.1:1", "--region", "44000", "--data", dir.resolve("x").toString()}));
        assertTrue(region.getMessage().contains("--region"), region.getMessage());
        Main.UsageException stage = assertThrows(Main.UsageException.class, () -> main.run(
                new String[] {"start", "--host-url", "http://127.0.0.1:1", "--region", "440000", "--stages", "compile,audit"}));
        assertTrue(stage.getMessage().contains("audit"), stage.getMessage());
        Main.UsageException contract = assertThrows(Main.UsageException.class, () -> main.run(new String[] {"start",
                "--host-url", "http://127.0.0.1:1", "--region", "440000", "--host-contract", "2.0", "--data", dir.resolve("x").toString()}));
        assertTrue(contract.getMessage().contains("--host-contract"), contract.getMessage());
        assertFalse(Files.exists(dir.resolve("x")), "nothing installed for a refused command");
    }

    @Test
    void startRefusesAHostUrlKarafWouldExpandBeforeWritingIt() throws Exception {
        Path distribution = Files.createDirectories(dir.resolve("distribution/target/perflink-1.0.0-SNAPSHOT/perflink-1.0.0-SNAPSHOT"));
        Files.createDirectories(distribution.resolve("bin"));
        Files.writeString(distribution.resolve("bin/karaf"), "#!/bin/sh\n");
        Files.createDirectories(distribution.resolve("etc"));
        Main main = new Main(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Main.UsageException e = assertThrows(Main.UsageException.class, () -> main.run(new String[] {"start", "--host-url",
                "http://$[secret:perflink.host]@h", "--region", "440000", "--data", dir.resolve("x").toString()}));
        assertTrue(e.getMessage().contains("'--host-url'") && e.getMessage().contains("may not contain ${ or $["), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")), "nothing installed or written");
    }

    @Test
    void idleMeansEveryActiveRegionPolledAllItsStagesSinceAndHasNothingToDeliver() throws IOException {
        Instant since = Instant.parse("2027-08-01T00:00:00Z");
        assertTrue(status(true, "2027-08-01T00:00:01Z", true, 0).idleSince(since));
        assertFalse(status(true, "2027-07-31T23:59:59Z", true, 0).idleSince(since), "a poll from before the events");
        assertFalse(status(false, "2027-08-01T00:00:01Z", true, 0).idleSince(since), "still handling events");
        assertFalse(status(true, "2027-08-01T00:00:01Z", false, 3).idleSince(since), "results to deliver");
    }

    @Test
    void anUnwrittenStatusFileReadsAsUnknown() {
        assertNull(StatusView.read(dir.resolve("missing.json")));
    }

    @Test
    void theDemoAddsTheMockHostsOwnFeatureRepository() throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/org.apache.karaf.features.cfg"), "featuresRepositories = \\\n"
                + "    mvn:org.apache.karaf.features/standard/4.4.10/xml/features, \\\n"
                + "    mvn:org.perflink/perflink-features/1.0.0-SNAPSHOT/xml/features\n\nfeaturesBoot = \\\n    scr, \\\n    perflink-all\n");
        KarafInstance karaf = new KarafInstance(dir);
        karaf.addMockHostRepository();
        karaf.addMockHostRepository();
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(Files.readString(dir.resolve("etc/org.apache.karaf.features.cfg"))));
        assertEquals("mvn:org.apache.karaf.features/standard/4.4.10/xml/features, mvn:org.perflink/perflink-features/1.0.0-SNAPSHOT/xml/features, "
                + "mvn:org.perflink/perflink-features/1.0.0-SNAPSHOT/xml/mock-host", p.getProperty("featuresRepositories"));
    }

    private StatusView status(boolean caughtUp, String lastPoll, boolean idle, int backlog) throws IOException {
        Path file = dir.resolve("status.json");
        Files.writeString(file, """
                {"idle": %s, "regions": {"440000": {"state": "ACTIVE", "backlog": %d, "deadLetters": 0,
                  "stages": {"COMPILE": {"caughtUp": %s, "lastPollAt": "%s"}}}}}
                """.formatted(idle, backlog, caughtUp, lastPoll));
        return StatusView.read(file);
    }
}
