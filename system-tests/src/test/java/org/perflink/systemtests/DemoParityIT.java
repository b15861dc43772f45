package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.launcher.KarafProcess;

/**
 * Issue 11, "the demo behaves exactly as before": the demo year of 440000 and 440100 (every stage) leaves at the
 * host exactly the results PerfLink v1 left there — the same region/kind/id keys, and bodies that keep every field
 * v1 wrote with the value v1 wrote (top-level timestamps aside; fields added since, such as a warning's
 * {@code regime} or an adjustment's {@code basis.components}, are additions host contract v1 tells hosts to
 * ignore) — except the results whose values a later rule amendment changes by design. Those are listed in
 * {@code demo-v2-changes.json} with the rule that changes them, and the list is exact: a listed result that no
 * longer differs fails the test too, so the list cannot rot. {@code demo-v1-results.json} was recorded from the
 * last v1 build (commit b410370) with the same clean run as {@link KillNineIT}'s.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DemoParityIT extends SystemTestSupport {

    @Test
    void theDemoYearLeavesV1sResultsAtTheHostButForTheListedRuleChanges(@TempDir Path dir) throws Exception {
        KarafProcess k = karaf(dir, "parity", REGIONS);
        start(k, REGIONS);
        for (String stage : STAGES) {
            script(stage);
            await("demo year, " + stage, STAGE, k, () -> done(k));
        }
        Map<String, JsonNode> now = results();
        List<String> exported = new ArrayList<>();
        for (String region : REGIONS) {
            Path folder = k.home().resolve("data/perflink/disclosure/" + region + "/2027");
            await("the open-data export of " + region + "'s year", STAGE, k,
                    () -> java.nio.file.Files.exists(folder.resolve("manifest.json")));
            exported.addAll(OpenDataFields.assertOnlyDocumentedFields(folder));
        }
        k.close();
        Map<String, JsonNode> v1 = resource("demo-v1-results.json");
        Map<String, JsonNode> changes = resource("demo-v2-changes.json");

        TreeSet<String> lost = new TreeSet<>(v1.keySet());
        lost.removeAll(now.keySet());
        TreeSet<String> extra = new TreeSet<>(now.keySet());
        extra.removeAll(v1.keySet());
        TreeSet<String> differing = new TreeSet<>();
        v1.forEach((key, body) -> {
            if (now.containsKey(key) && !keeps(body, now.get(key))) {
                differing.add(key);
            }
        });
        report("DemoParityIT: the demo year's open data holds only documented public fields: " + exported);
        report(String.format("DemoParityIT: %d results as in v1, %d differing (%d listed as rule changes), %d lost, %d extra",
                v1.size() - differing.size() - lost.size(), differing.size(), changes.size(), lost.size(), extra.size()));
        assertEquals(new TreeSet<>(), lost, "results v1 wrote that are no longer written");
        assertEquals(new TreeSet<>(), extra, "results v1 did not write");
        if (!differing.equals(new TreeSet<>(changes.keySet()))) {
            StringBuilder b = new StringBuilder("bodies differ from v1 other than as listed in demo-v2-changes.json:");
            for (String key : differing) {
                if (!changes.containsKey(key)) {
                    b.append("\n  unlisted ").append(key).append("\n    v1:  ").append(v1.get(key))
                            .append("\n    now: ").append(now.get(key));
                }
            }
            changes.keySet().stream().filter(key -> !differing.contains(key))
                    .forEach(key -> b.append("\n  listed but the same as v1: ").append(key));
            fail(b.toString());
        }
    }

    /** Whether {@code now} has every field of {@code v1}, with v1's value (arrays element by element). */
    static boolean keeps(JsonNode v1, JsonNode now) {
        if (v1.isObject()) {
            if (!now.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v1.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!now.has(f.getKey()) || !keeps(f.getValue(), now.get(f.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (v1.isArray()) {
            if (!now.isArray() || now.size() != v1.size()) {
                return false;
            }
            for (int i = 0; i < v1.size(); i++) {
                if (!keeps(v1.get(i), now.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return v1.equals(now);
    }

    private static Map<String, JsonNode> resource(String name) throws IOException {
        try (InputStream in = DemoParityIT.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("no " + name + " on the test classpath");
            }
            Map<String, JsonNode> out = new TreeMap<>();
            JsonNode root = MAPPER.readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }
    }
}
