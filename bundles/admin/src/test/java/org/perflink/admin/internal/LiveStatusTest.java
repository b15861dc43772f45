package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.host.http.HostJson;

class LiveStatusTest {

    @TempDir
    Path dir;

    /** The shape the camel bundle's status board writes. */
    static final String STATUS = """
            {
              "updatedAt" : "2027-03-01T08:00:05Z",
              "regions" : {
                "440000" : { "state" : "ACTIVE", "backlog" : 2, "delivered" : 10, "deadLetters" : 1,
                             "oldestUndelivered" : "2027-03-01T07:59:00Z", "lastError" : "HTTP 503 from host",
                             "stages" : { "COMPILE" : { "cursor" : "c-9", "caughtUp" : true, "waitingFor" : null,
                                                        "lastPollAt" : "2027-03-01T08:00:04Z" } } },
                "440100" : { "state" : "DISABLED", "backlog" : 0, "delivered" : 0, "deadLetters" : 0,
                             "oldestUndelivered" : null, "lastError" : null, "stages" : { } }
              },
              "idle" : false
            }
            """;

    @Test
    void readsEachRegionsStateAndLastError() throws IOException {
        Path file = Files.writeString(dir.resolve("status.json"), STATUS);
        LiveStatus live = LiveStatus.read(file, HostJson.newMapper());
        assertTrue(live.present());
        assertEquals(Instant.parse("2027-03-01T08:00:05Z"), live.updatedAt());
        assertEquals(new LiveStatus.Region("ACTIVE", "HTTP 503 from host"), live.regions().get("440000"));
        assertEquals(new LiveStatus.Region("DISABLED", null), live.regions().get("440100"));
        assertNull(live.problem());
    }

    @Test
    void readsEachRoutesStatisticsAsTheStatusBoardWritesThem() throws IOException {
        Path file = Files.writeString(dir.resolve("status.json"), """
                { "updatedAt" : "2027-03-01T08:00:05Z",
                  "regions" : { "440000" : { "state" : "ACTIVE", "lastError" : null, "routes" : {
                    "perflink-poll-compile-440000" : { "exchangesTotal" : 12, "exchangesFailed" : 2,
                        "lastProcessingTimeMs" : 35, "lastCompletedAt" : "2027-03-01T08:00:04Z",
                        "lastFailure" : "HostException" },
                    "perflink-deliver-440000" : { "exchangesTotal" : 0, "exchangesFailed" : 0,
                        "lastProcessingTimeMs" : null, "lastCompletedAt" : null } } } } }
                """);
        LiveStatus.Region region = LiveStatus.read(file, HostJson.newMapper()).regions().get("440000");
        assertEquals(java.util.List.of("perflink-deliver-440000", "perflink-poll-compile-440000"),
                java.util.List.copyOf(region.routes().keySet()));
        assertEquals(new LiveStatus.Route(12, 2, 35L, Instant.parse("2027-03-01T08:00:04Z"), "HostException"),
                region.routes().get("perflink-poll-compile-440000"));
        assertEquals(new LiveStatus.Route(0, 0, null, null, null), region.routes().get("perflink-deliver-440000"));
    }

    @Test
    void aMissingOrBrokenFileOrNoCamelBundleIsSaidNotThrown() throws IOException {
        LiveStatus missing = LiveStatus.read(dir.resolve("none.json"), HostJson.newMapper());
        assertFalse(missing.present());
        assertTrue(missing.problem().contains("routes not running?"), missing.problem());

        Path broken = Files.writeString(dir.resolve("status.json"), "{ \"updatedAt\": ");
        LiveStatus unreadable = LiveStatus.read(broken, HostJson.newMapper());
        assertFalse(unreadable.present());
        assertTrue(unreadable.problem().contains("unreadable"), unreadable.problem());

        assertTrue(LiveStatus.read(broken, null).problem().contains("camel bundle not installed"));
        assertTrue(LiveStatus.defaultFile().endsWith(Path.of("perflink", "status.json")));
    }
}
