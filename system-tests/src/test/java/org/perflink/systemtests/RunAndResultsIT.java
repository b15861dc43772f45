package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 7, {@code perflink:run} and {@code perflink:results} over SSH ({@code bin/client}) against the
 * distribution. Region 440000 polls its stage events once an hour, so the compile events pushed after the start
 * wait; an operator's {@code perflink:run 440000 compile} handles them at once and the host gets the verdicts
 * within seconds. A viewer may not run a stage, but reads the region's latest verdicts and a project's year with
 * their findings ({@code perflink:results}; Karaf takes a command's options before its arguments).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RunAndResultsIT extends SystemTestSupport {

    static final String REGION = "440000";
    /** Its DECLARED verdict is a BLOCK (no ex-ante assessment). */
    static final String PROJECT = "440000-2027-000102";
    static final Duration SHELL = Duration.ofSeconds(90);

    @Test
    void anOperatorRunsAStageNowAndAViewerReadsItsResults(@TempDir Path dir) throws Exception {
        KarafProcess k = karaf(dir, "run-now", List.of());
        String demo = Files.readString(DEMO_CONFIG.resolve("org.perflink.region-" + REGION + ".cfg"), StandardCharsets.ISO_8859_1);
        Files.writeString(k.home().resolve("etc/org.perflink.region-" + REGION + ".cfg"),
                demo.replaceAll("(?m)^pollIntervalSeconds\\s*=.*$", "pollIntervalSeconds = 3600"), StandardCharsets.ISO_8859_1);
        String viewerSecret = UUID.randomUUID().toString();
        k.addShellUser("sysview", viewerSecret, "perflink-viewer");
        String operatorSecret = UUID.randomUUID().toString();
        k.addShellUser("sysop", operatorSecret, "perflink-operator");
        start(k, List.of(REGION));
        await("the compile route's first poll (at its start)", BOOT, k,
                () -> {
                    JsonNode s = k.status();
                    return s != null && s.path("regions").path(REGION).path("stages").path("COMPILE").path("caughtUp").asBoolean();
                });

        // Compile events come in; the route would look again in an hour.
        long declared = script(REGION, "COMPILE", "DECLARED").stream().mapToLong(e -> e.path("projectCodes").size()).sum();
        holdsDuring("nothing polls the feed before the hour is up", Duration.ofSeconds(3),
                () -> ids(REGION, List.of("verdict")) == 0);

        // A viewer may not run a stage.
        String refused = shellAnyway(k, "sysview", viewerSecret, "perflink:run " + REGION + " compile");
        // (Karaf's command ACL hides a command from a session whose roles may not run it)
        assertTrue(refused.contains("Insufficient credentials") || refused.contains("Command not found: perflink:run"), refused);
        assertEquals(0, ids(REGION, List.of("verdict")));

        // Re-checking given projects is not offered: the command says so and runs nothing.
        String projects = shellAnyway(k, "sysop", operatorSecret, "perflink:run " + REGION + " compile " + PROJECT);
        assertTrue(projects.contains("not supported yet"), projects);
        assertEquals(0, ids(REGION, List.of("verdict")));

        // An operator runs the compile stage now.
        Instant t = Instant.now();
        String run = k.shellAs("sysop", operatorSecret, SHELL, "perflink:run " + REGION + " compile");
        long runMillis = millisSince(t);
        assertTrue(run.contains("已运行 (ran): 区划 (region) " + REGION + " 编制 (compile)"), run);
        Matcher cursor = Pattern.compile("游标 \\(cursor\\): (\\S+) → (\\S+)").matcher(run);
        assertTrue(cursor.find(), run);
        assertEquals(Long.toString(lastSeq.get(REGION)), cursor.group(2), "the cursor stands at the last event: " + run);
        Instant ran = Instant.now();
        await("the verdicts at the host", Duration.ofSeconds(20), k, () -> ids(REGION, List.of("verdict")) == declared);
        long deliveredMillis = millisSince(ran);
        // status.json is rewritten every second: wait for the beat after the run
        await("status.json shows the new cursor", Duration.ofSeconds(10), k, () -> Long.toString(lastSeq.get(REGION))
                .equals(k.status().path("regions").path(REGION).path("stages").path("COMPILE").path("cursor").asText()));

        // A viewer reads the latest verdicts with their findings, and a project's year.
        String latest = k.shellAs("sysview", viewerSecret, SHELL, "perflink:results --kind verdict --limit 3 " + REGION);
        assertTrue(latest.contains("区划 (region) " + REGION + " 最新结果 (latest results): 结论 (verdict), 最多 (at most) 3"), latest);
        assertEquals(3, Pattern.compile("(?m)^#\\d+ 结论 \\(verdict\\) " + REGION + "-2027-\\d+\\.DECLARED\\.r1").matcher(latest)
                .results().count(), latest);
        assertTrue(latest.contains("已送达 (DELIVERED)"), latest);
        assertTrue(latest.contains("发现 (findings)") || latest.contains("无发现 (no findings)"), latest);
        String year = k.shellAs("sysview", viewerSecret, SHELL, "perflink:results " + REGION + " " + PROJECT);
        assertTrue(year.contains("项目 (project) " + PROJECT), year);
        assertTrue(year.contains("#1 结论 (verdict) " + PROJECT + ".DECLARED.r1"), year);
        assertTrue(year.contains("阻断 BLOCK") && year.contains("发现 (findings)"), year);
        assertFalse(year.contains("Insufficient credentials"), year);

        report(String.format("RunAndResultsIT: region %s polling hourly; %d declared verdicts waited 3 s untouched; "
                + "perflink:run as an operator took %d ms (bin/client included), the host had every verdict %d ms later; "
                + "a viewer was refused perflink:run and read:%n%s%n%s", REGION, declared, runMillis, deliveredMillis,
                latest.strip(), year.strip()));
    }

    /** The command's output, also when {@code bin/client} exits non-zero (a refused or failing command). */
    static String shellAnyway(KarafProcess k, String user, String secret, String command) throws InterruptedException {
        try {
            return k.shellAs(user, secret, SHELL, command);
        } catch (IOException e) {
            return e.getMessage().replaceAll("\u001B\\[[0-9;]*m", ""); // without the terminal's colours
        }
    }
}
