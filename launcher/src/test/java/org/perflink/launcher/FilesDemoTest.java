package org.perflink.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo --host files: what is dropped per stage, the event numbers the folder will give, and what is read back. */
class FilesDemoTest {

    @TempDir
    Path drop;

    @Test
    void eachStageDropsCompleteFilesAndKnowsTheSeqOfItsLastEvent() throws Exception {
        FilesDemo demo = new FilesDemo(drop);
        List<String> regions = List.of("440000", "440300", "440400");
        Map<String, Long> compile = demo.writeStage("COMPILE", regions);
        assertEquals(4L, compile.get("440000"), "DECLARED, REVIEWED, APPROVED, PUBLISHED: one 申报表 each");
        assertEquals(5L, compile.get("440400"), "LIBRARY … ADJUST");
        Path inbox = drop.resolve("440000");
        assertTrue(Files.exists(inbox.resolve("c02-申报表-DECLARED.xlsx")));
        assertTrue(Files.exists(inbox.resolve("c02-申报表-DECLARED.xlsx.ready")), "marked complete");
        try (var files = Files.list(inbox)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        assertTrue(Files.exists(drop.resolve("440400/c00-evaluators.csv")), "the v1.1 region's evaluator registry");
        assertTrue(Files.exists(drop.resolve("440400/c01-projects.xlsx")), "the predecessor, data only");
        Map<String, Long> execute = demo.writeStage("EXECUTE", regions);
        assertEquals(6L, execute.get("440000"), "two monitoring rounds after the four compile events");
        assertEquals(4L, execute.get("440300"), "its one PUBLISHED, then three monitoring rounds");
        Map<String, Long> close = demo.writeStage("CLOSE", regions);
        assertEquals(8L, close.get("440000"));
        assertFalse(close.containsKey("440300"), "no close events for 440300");
        assertTrue(Files.readString(drop.resolve("440000/k99-events.csv")).contains("CLOSE,LINK,2027"));
        assertTrue(demo.hostConfig().startsWith("folder = " + drop.toAbsolutePath().toString().replace('\\', '/')));
    }

    @Test
    void resultsAreReadBackFromBesideTheFilesLatestPerId() throws Exception {
        Path done = Files.createDirectories(drop.resolve("440000/done"));
        Files.writeString(done.resolve("a.xlsx.results.json"), "{\"results\":[{\"kind\":\"VERDICT\",\"id\":\"p1.DECLARED.r1\","
                + "\"body\":{\"outcome\":\"PASS\"}},{\"kind\":\"SCORE\",\"id\":\"p1.2027\",\"body\":{}}]}");
        Files.writeString(done.resolve("b.xlsx.results.json"), "{\"results\":[{\"kind\":\"VERDICT\",\"id\":\"p2.DECLARED.r1\","
                + "\"body\":{\"outcome\":\"BLOCK\"}}]}");
        var verdicts = new FilesDemo(drop).received("verdict").path("items");
        assertEquals(2, verdicts.size());
        assertEquals("440000", verdicts.get(0).path("region").asText());
        assertEquals("PASS", verdicts.get(0).path("body").path("outcome").asText());
    }

    @Test
    void theLowerRegionsInitialEvaluationAndTheUpperRegionsBaselinesAreDropped() throws Exception {
        FilesDemo demo = new FilesDemo(drop);
        List<String> regions = List.of("440400", "440402", "440403");
        Map<String, Map<String, Long>> initial = demo.writeInitial(regions);
        assertEquals(Map.of("CLOSE", Map.of("440402", 1L, "440403", 1L)), initial,
                "the mock serves 440402/440403's CLOSE/EVALUATE from the start; 440400 has no initial event");
        assertTrue(Files.exists(drop.resolve("440402/a00-projects.xlsx")), "its projects, data only");
        assertTrue(Files.exists(drop.resolve("440402/a00-自评表.xlsx.ready")));
        assertTrue(Files.readString(drop.resolve("440402/a99-events.csv")).contains("CLOSE,EVALUATE,2027"));
        assertFalse(Files.exists(drop.resolve("440400/a99-events.csv")));
        demo.writeStage("COMPILE", regions);
        demo.writeStage("EXECUTE", regions);
        Map<String, Long> close = demo.writeStage("CLOSE", regions);
        assertEquals(8L, close.get("440400"), "five compile events, one monitoring round, EVALUATE and LINK");
        String baselines = Files.readString(drop.resolve("440400/k03-subregions.csv"));
        assertTrue(baselines.startsWith("regionCode,budgetYear,transferBaseline,deductions"), baselines);
        assertTrue(baselines.contains("440402,2028,600000000.00") && baselines.contains("440403,2028,250000000.00"),
                baselines);
    }
}
