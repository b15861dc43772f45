package org.perflink.systemtests;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two runs' results at the host (region/kind/id → body) compared: the keys one lost, the keys it added, the keys
 * it wrote with another body.
 */
record ResultDiff(TreeSet<String> missing, TreeSet<String> extra, TreeSet<String> differing) {

    static ResultDiff of(Map<String, JsonNode> expected, Map<String, JsonNode> got) {
        TreeSet<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(got.keySet());
        TreeSet<String> extra = new TreeSet<>(got.keySet());
        extra.removeAll(expected.keySet());
        TreeSet<String> differing = new TreeSet<>();
        expected.forEach((key, body) -> {
            if (got.containsKey(key) && !got.get(key).equals(body)) {
                differing.add(key);
            }
        });
        return new ResultDiff(missing, extra, differing);
    }

    boolean same() {
        return missing.isEmpty() && extra.isEmpty() && differing.isEmpty();
    }

    /** What differs, at most {@code limit} keys of each kind, each differing body under both runs' names. */
    String describe(String heading, String expectedName, String gotName, Map<String, JsonNode> expected,
            Map<String, JsonNode> got, int limit) {
        StringBuilder b = new StringBuilder(heading).append(": ").append(missing.size()).append(" lost, ")
                .append(extra.size()).append(" extra, ").append(differing.size()).append(" with another body");
        b.append("\n  lost: ").append(first(missing, limit)).append("\n  extra: ").append(first(extra, limit));
        for (String key : first(differing, limit)) {
            b.append("\n  ").append(key).append("\n    ").append(expectedName).append(": ").append(expected.get(key))
                    .append("\n    ").append(gotName).append(": ").append(got.get(key));
        }
        return b.toString();
    }

    private static List<String> first(TreeSet<String> keys, int limit) {
        return keys.stream().limit(limit).toList();
    }
}
