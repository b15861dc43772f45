package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusViewTest {

    @Test
    void aStageHasReachedTheScriptedEventsWhenItsCursorIsAtTheirLastSeq(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("status.json"), """
                {"idle": true, "regions": {"440000": {"state": "ACTIVE",
                  "stages": {"COMPILE": {"cursor": "4", "caughtUp": true, "lastPollAt": "2027-01-01T00:00:00Z"},
                             "EXECUTE": {"cursor": null, "caughtUp": true, "lastPollAt": "2027-01-01T00:00:00Z"}}}}}
                """);
        StatusView s = StatusView.read(file);
        assertTrue(s.reached("COMPILE", Map.of("440000", 4L)));
        assertFalse(s.reached("COMPILE", Map.of("440000", 5L)), "a poll that started before the script");
        assertFalse(s.reached("EXECUTE", Map.of("440000", 1L)), "no cursor yet");
        assertTrue(s.reached("COMPILE", Map.of("440000", 4L, "440900", 9L)), "an unconfigured region is not waited for");
    }
}
