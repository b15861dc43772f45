package org.perflink.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * rules.md §9 as {@code docs/disclosure.md} lists it: every field present in an open-data folder PerfLink wrote is a
 * documented public field of its file (an unlisted one fails), and each CSV's header is exactly the documented list.
 */
final class OpenDataFields {

    static final Path DOC = Path.of(System.getProperty("perflink.disclosureDoc", "../docs/disclosure.md"))
            .toAbsolutePath().normalize();

    private OpenDataFields() {
    }

    /** The documented fields of one file kind ({@code targets}, {@code scores}, …), in the doc's order. */
    static List<String> documented(String kind) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf("<!-- fields:" + kind + " -->");
        int to = doc.indexOf("<!-- /fields:" + kind + " -->");
        assertTrue(from >= 0 && to > from, DOC + " lists the fields of " + kind);
        List<String> fields = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z0-9]+)` \\|").matcher(doc.substring(from, to));
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    /** Checks every {@code .jsonl} and {@code .csv} of {@code folder}; returns the fields present, by file. */
    static List<String> assertOnlyDocumentedFields(Path folder) throws IOException {
        List<String> seen = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".csv")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "open-data files in " + folder);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String kind = name.substring(0, name.lastIndexOf('.'));
            List<String> allowed = documented(kind);
            if (name.endsWith(".csv")) {
                String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
                assertEquals(String.join(",", allowed), header, name + ": the CSV's columns are the documented list");
                continue;
            }
            Set<String> present = new TreeSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode row = SystemTestSupport.MAPPER.readTree(line);
                present.addAll(names(row));
                row.path("indicators").forEach(i -> present.addAll(names(i)));
            }
            present.remove("indicators"); // the nesting of a target's indicators, not a field
            Set<String> unlisted = new TreeSet<>(present);
            unlisted.removeAll(allowed);
            assertEquals(Set.of(), unlisted, name + ": fields that docs/disclosure.md does not list as public");
            seen.add(name + " " + present);
        }
        return seen;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
