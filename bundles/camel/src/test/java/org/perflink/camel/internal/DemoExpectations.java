package org.perflink.camel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.RegionData;

/**
 * What the demo dataset is designed to produce at the compile stage, read from the mock host's own
 * {@code datasets/EXPECTED.md} (computed independently of PerfLink from rules.md) and from the dataset
 * itself (revisions, scripted events).
 */
final class DemoExpectations {

    /** One row of the compile table: the phase it is checked at, the findings (rule id → severity), the outcome. */
    record CompileRow(String projectCode, String phase, Map<String, String> findings, String outcome) {
        boolean malformed() {
            return outcome == null;
        }
    }

    private DemoExpectations() {
    }

    /** The compile table of a region, by project code. */
    static Map<String, CompileRow> compileTable(String regionCode) throws IOException {
        String md;
        try (InputStream in = Dataset.class.getResourceAsStream("/datasets/EXPECTED.md")) {
            if (in == null) {
                throw new IOException("datasets/EXPECTED.md is not on the class path (mock-host jar)");
            }
            md = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, CompileRow> rows = new LinkedHashMap<>();
        boolean inRegion = false;
        boolean inCompile = false;
        for (String line : md.split("\n")) {
            if (line.startsWith("## ")) {
                inRegion = line.startsWith("## " + regionCode + " ");
                inCompile = false;
            } else if (line.startsWith("### ")) {
                inCompile = inRegion && line.startsWith("### Compile stage");
            } else if (inCompile && line.startsWith("| " + regionCode + "-")) {
                String[] cells = line.split("\\|");
                // "", code, name, checked at, designed, findings, outcome
                String code = cells[1].trim();
                String phase = cells[3].trim();
                String findings = cells[5].trim();
                String outcome = cells[6].trim().replace("*", "");
                Map<String, String> f = new LinkedHashMap<>();
                if (!findings.startsWith("—")) {
                    for (String part : findings.split(",")) {
                        String p = part.trim();
                        int open = p.indexOf('(');
                        f.put(p.substring(0, open).trim(), p.substring(open + 1, p.indexOf(')')).trim());
                    }
                }
                rows.put(code, new CompileRow(code, phase, f, outcome.equals("—") ? null : outcome));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no compile rows for region " + regionCode + " in EXPECTED.md");
        }
        return rows;
    }

    /** {@code {projectCode}.{phase}.r{revision}} of every project named by the region's scripted COMPILE events. */
    static Set<String> scriptedVerdictIds(Dataset dataset, String regionCode, Set<String> phases) {
        RegionData region = dataset.region(regionCode);
        Map<String, Long> revisions = revisions(region);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode e : region.scriptedEvents()) {
            if ("COMPILE".equals(e.path("stage").asText()) && phases.contains(e.path("phase").asText())) {
                for (JsonNode code : e.path("projectCodes")) {
                    ids.add(code.asText() + "." + e.path("phase").asText() + ".r" + revisions.get(code.asText()));
                }
            }
        }
        return ids;
    }

    /** Verdict ids of an all-projects COMPILE event of {@code phase}. */
    static Set<String> allProjectVerdictIds(Dataset dataset, String regionCode, String phase) {
        Set<String> ids = new TreeSet<>();
        revisions(dataset.region(regionCode)).forEach((code, rev) -> ids.add(code + "." + phase + ".r" + rev));
        return ids;
    }

    static Map<String, Long> revisions(RegionData region) {
        Map<String, Long> revisions = new LinkedHashMap<>();
        for (JsonNode p : region.projects(region.year())) {
            revisions.put(p.path("projectCode").asText(), p.path("revision").asLong());
        }
        return revisions;
    }

    static final List<String> COMPILE_PHASES = List.of("DECLARED", "REVIEWED", "APPROVED", "PUBLISHED");
}
