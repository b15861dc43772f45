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

    @Test
    void optionsTakeValuesFlagsAndEqualsForms() {
        Map<String, String> opts = Main.options(new String[] {"start", "--host-url", "http://h", "--once", "--region=440000,440100"});
        assertEquals(Map.of("host-url", "http://h", "once", "true", "region", "440000,440100"), opts);
        assertThrows(Main.UsageException.class, () -> Main.options(new String[] {"start", "stray"}));
    }

    @Test
    void flagsNeverTakeTheNextArgument() {
        Main.Arguments a = Main.parse(new String[] {"check", "--json", "p.json", "--phase", "REVIEWED"});
        assertEquals(java.util.List.of("p.json"), a.positional());
        assertEquals(Map.of("json", "true", "phase", "REVIEWED"), a.options());
        assertThrows(Main.UsageException.class, () -> Main.options(new String[] {"start", "--once", "stray"}));
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

    private StatusView status(boolean caughtUp, String lastPoll, boolean idle, int backlog) throws IOException {
        Path file = dir.resolve("status.json");
        Files.writeString(file, """
                {"idle": %s, "regions": {"440000": {"state": "ACTIVE", "backlog": %d, "deadLetters": 0,
                  "stages": {"COMPILE": {"caughtUp": %s, "lastPollAt": "%s"}}}}}
                """.formatted(idle, backlog, caughtUp, lastPoll));
        return StatusView.read(file);
    }
}
