package org.perflink.launcher;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** Per-region summaries of what the host received, for the demo's console. */
final class DemoSummary {

    private final PrintStream out;

    DemoSummary(PrintStream out) {
        this.out = out;
    }

    void verdicts(JsonNode received) {
        out.println("编制 Compile stage — verdicts written back:");
        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        Map<String, Map<String, Integer>> rules = new TreeMap<>();
        for (JsonNode row : received.path("items")) {
            JsonNode body = row.path("body");
            String region = row.path("region").asText();
            count(outcomes, region, body.path("outcome").asText());
            for (JsonNode f : body.path("findings")) {
                count(rules, region, f.path("ruleId").asText());
            }
        }
        for (String region : outcomes.keySet()) {
            Map<String, Integer> o = outcomes.get(region);
            int total = o.values().stream().mapToInt(Integer::intValue).sum();
            out.printf("  %s  projects checked %3d   PASS %3d   WARN %3d   BLOCK %3d%n", region, total,
                    o.getOrDefault("PASS", 0), o.getOrDefault("WARN", 0), o.getOrDefault("BLOCK", 0));
            out.println("          most frequent rules: " + top(rules.getOrDefault(region, Map.of()), 6));
        }
        // rules.md §11: what the indicator library said, with the library's figure
        for (JsonNode row : received.path("items")) {
            for (JsonNode f : row.path("body").path("findings")) {
                String rule = f.path("ruleId").asText();
                JsonNode fig = f.path("figures");
                if (rule.equals("LIBRARY_VALUE_TOO_EASY") || rule.equals("LIBRARY_UNIT_MISMATCH")) {
                    out.printf("  指标库 library  %s %s %s: %s (library %s, level %s)%n", row.path("body")
                            .path("projectCode").asText(), rule, fig.path("name").asText(),
                            rule.equals("LIBRARY_UNIT_MISMATCH") ? fig.path("unit").asText()
                                    : fig.path("value").asText() + fig.path("unit").asText(),
                            rule.equals("LIBRARY_UNIT_MISMATCH") ? fig.path("libraryUnit").asText()
                                    : fig.path("reference").asText() + fig.path("unit").asText(),
                            fig.path("libraryLevel").asText());
                }
            }
        }
    }

    void warnings(JsonNode received) {
        out.println("执行 Execute stage — monitoring warnings written back (type/level; CLEARED 解除 = no longer holds):");
        Map<String, Map<String, Integer>> byRegion = new TreeMap<>();
        for (JsonNode row : received.path("items")) {
            JsonNode body = row.path("body");
            String level = "NONE".equals(body.path("level").asText()) ? "CLEARED" : body.path("level").asText();
            count(byRegion, row.path("region").asText(), body.path("type").asText() + "/" + level);
        }
        byRegion.forEach((region, counts) -> out.println("  " + region + "  " + new TreeMap<>(counts)));
        // rules.md §2 since rules v2: spending curves and reclaim suggestions (收回/调减)
        for (JsonNode row : received.path("items")) {
            JsonNode body = row.path("body");
            JsonNode m = body.path("metrics");
            if ("RECLAIM".equals(body.path("suggestedAction").asText())) {
                out.printf("  收回/调减 reclaim  %s at %s: %s 元 (rate %s, expected %s, rounds %s, %s/%s)%n",
                        body.path("projectCode").asText(), body.path("asOf").asText(),
                        body.path("reclaimAmount").asText(), m.path("executionRate").asText(),
                        m.path("expectedRate").asText(m.path("timeProgress").asText()), body.path("rounds").asText(),
                        body.path("category").asText(), body.path("responsible").asText());
            } else if (m.has("spendCurve")) {
                out.printf("  支出曲线 curve  %s at %s: %s %s by curve %s (rate %s, expected %s, time progress %s)%n",
                        body.path("projectCode").asText(), body.path("asOf").asText(), body.path("type").asText(),
                        body.path("level").asText(), m.path("spendCurve").asText(), m.path("executionRate").asText(),
                        m.path("expectedRate").asText(), m.path("timeProgress").asText());
            }
        }
    }

    void scores(JsonNode received) {
        out.println("决算 Close stage — project grades:");
        Map<String, Map<String, Integer>> byRegion = new TreeMap<>();
        for (JsonNode row : received.path("items")) {
            count(byRegion, row.path("region").asText(), row.path("body").path("grade").asText());
        }
        byRegion.forEach((region, counts) -> out.printf("  %s  EXCELLENT %d  GOOD %d  MEDIUM %d  POOR %d%n", region,
                counts.getOrDefault("EXCELLENT", 0), counts.getOrDefault("GOOD", 0),
                counts.getOrDefault("MEDIUM", 0), counts.getOrDefault("POOR", 0)));
    }

    void adjustments(JsonNode adjustments, JsonNode notices) {
        out.println("决算 Close stage — next year's budget linkage (挂钩) and notices (两书一函):");
        // rules.md §3.3: DEPARTMENT adjustments move the ceiling (控制数); the others are allocations inside it,
        // so the two are never added together.
        Map<String, BigDecimal> ceilings = new TreeMap<>();
        Map<String, BigDecimal> allocations = new TreeMap<>();
        Map<String, Map<String, Integer>> actions = new TreeMap<>();
        Map<String, Map<String, String>> composites = new TreeMap<>();
        for (JsonNode row : adjustments.path("items")) {
            JsonNode body = row.path("body");
            String region = row.path("region").asText();
            boolean department = "DEPARTMENT".equals(body.path("scope").asText());
            count(actions, region, body.path("scope").asText() + ":" + body.path("action").asText());
            if ("REGION".equals(body.path("scope").asText())) {
                continue; // a lower region's transfer envelope: neither R's ceilings nor inside them (lowerRegions)
            }
            (department ? ceilings : allocations).merge(region, new BigDecimal(body.path("deltaAmount").asText("0")), BigDecimal::add);
            if (department) {
                composites.computeIfAbsent(region, r -> new TreeMap<>()).put(body.path("subjectCode").asText(), composite(body));
            }
        }
        Map<String, Map<String, Integer>> noticeTypes = new TreeMap<>();
        for (JsonNode row : notices.path("items")) {
            count(noticeTypes, row.path("region").asText(), row.path("body").path("type").asText());
        }
        for (String region : actions.keySet()) {
            out.printf("  %s  department ceilings (控制数) %s 元; allocations inside them (项目/政策/转移支付) %s 元%n", region,
                    ceilings.getOrDefault(region, BigDecimal.ZERO).toPlainString(),
                    allocations.getOrDefault(region, BigDecimal.ZERO).toPlainString());
            out.println("          actions: " + new TreeMap<>(actions.get(region)));
            out.println("          notices: " + new TreeMap<>(noticeTypes.getOrDefault(region, Map.of())));
            composites.getOrDefault(region, Map.of()).forEach((code, line) -> out.println("          部门 " + code + "  " + line));
        }
    }

    /**
     * rules.md §5 (跟踪问效): per region, the escalation steps the FOLLOW_UP events issued, counted by step (a REFERRAL by
     * where it went), and the cases that reached REFERRAL.
     */
    void escalations(JsonNode notices) {
        Map<String, Map<String, Integer>> steps = new TreeMap<>();
        Map<String, List<String>> referred = new TreeMap<>();
        for (JsonNode row : notices.path("items")) {
            JsonNode body = row.path("body");
            if (!"NOTICE_ESCALATED".equals(body.path("ruleId").asText())) {
                continue;
            }
            String region = row.path("region").asText();
            String type = body.path("type").asText();
            boolean referral = "REFERRAL".equals(type);
            count(steps, region, referral ? type + ":" + body.path("referralTo").asText() : type);
            if (referral) {
                referred.computeIfAbsent(region, r -> new ArrayList<>()).add(body.path("caseId").asText()
                        + " (" + body.path("subjectCode").asText() + ")");
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        out.println("决算 Close stage — follow-up of notices (跟踪问效), escalations by step:");
        steps.forEach((region, counts) -> {
            out.println("  " + region + "  escalations: " + counts);
            List<String> cases = referred.getOrDefault(region, List.of()).stream().sorted().toList();
            out.println("          移交/报送 referred: " + (cases.isEmpty() ? "—" : String.join(", ", cases)));
        });
    }

    /**
     * rules.md §6: per region and scope (部门, 下级区划), the top and the bottom of the work-assessment ranking and who is
     * on the praise (通报表扬) and criticism (通报批评) lists. Institutions' quality grades (EVALUATOR) are left out.
     */
    void ranking(JsonNode assessments) {
        Map<String, List<JsonNode>> byRegionScope = new TreeMap<>();
        for (JsonNode row : assessments.path("items")) {
            JsonNode body = row.path("body");
            String scope = body.path("scope").asText();
            if (scope.equals("DEPARTMENT") || scope.equals("REGION")) {
                byRegionScope.computeIfAbsent(row.path("region").asText() + " " + scope, k -> new ArrayList<>()).add(body);
            }
        }
        if (byRegionScope.isEmpty()) {
            return;
        }
        out.println("考核 Work assessment (预算绩效管理工作考核) — top and bottom of the ranking:");
        byRegionScope.forEach((key, list) -> {
            list.sort(java.util.Comparator.comparingInt((JsonNode b) -> b.path("rank").asInt())
                    .thenComparing(b -> b.path("subjectCode").asText()));
            String[] regionScope = key.split(" ");
            int best = list.get(0).path("rank").asInt();
            int worst = list.get(list.size() - 1).path("rank").asInt();
            out.printf("  %s  %s (%d): top %s; bottom %s%n", regionScope[0],
                    regionScope[1].equals("DEPARTMENT") ? "部门 departments" : "下级区划 lower regions", list.size(),
                    ranked(list, best), ranked(list, worst));
            for (String l : List.of("PRAISE", "CRITICISM")) {
                List<String> on = list.stream().filter(b -> l.equals(b.path("list").asText()))
                        .map(b -> b.path("subjectCode").asText()).toList();
                if (!on.isEmpty()) {
                    out.println("          " + (l.equals("PRAISE") ? "通报表扬 praised: " : "通报批评 criticised: ") + on);
                }
            }
        });
    }

    /** "401 100.00 EXCELLENT, 402 100.00 EXCELLENT (#1)": the subjects sharing one rank. */
    private static String ranked(List<JsonNode> list, int rank) {
        return list.stream().filter(b -> b.path("rank").asInt() == rank)
                .map(b -> b.path("subjectCode").asText() + " " + b.path("total").asText() + " " + b.path("grade").asText())
                .collect(Collectors.joining(", ")) + " (#" + rank + ")";
    }

    /**
     * Per region, the policy/transfer composites (rules.md §4.2) and the lower regions' composites with their transfer
     * factors (§4.3), each component with its source; REGION adjustments move a lower region's transfer envelope.
     */
    void composites(JsonNode adjustments) {
        out.println("决算 Close stage — policy/transfer composites (政策及转移支付综合绩效) and lower regions' transfer factors (下级综合绩效 → 转移支付):");
        Map<String, List<String>> lines = new TreeMap<>();
        for (JsonNode row : adjustments.path("items")) {
            JsonNode body = row.path("body");
            String scope = body.path("scope").asText();
            JsonNode basis = body.path("basis");
            if ("REGION".equals(scope)) {
                lines.computeIfAbsent(row.path("region").asText(), r -> new ArrayList<>()).add(String.format(
                        "下级地区 %s  %s %s 系数 factor ×%s → %s %s 元 on transfers of %s 元  %s", body.path("subjectCode").asText(),
                        basis.path("score").asText(), basis.path("grade").asText(), basis.path("coefficient").asText(),
                        body.path("action").asText(), body.path("deltaAmount").asText(), body.path("baseAmount").asText(),
                        sources(basis)));
            } else if (("POLICY".equals(scope) || "TRANSFER".equals(scope)) && basis.path("components").size() > 0) {
                lines.computeIfAbsent(row.path("region").asText(), r -> new ArrayList<>()).add(String.format(
                        "%s %s  %s %s (Score %s) → %s  %s", "POLICY".equals(scope) ? "政策 POLICY" : "转移支付 TRANSFER",
                        body.path("subjectCode").asText(), basis.path("score").asText(), basis.path("grade").asText(),
                        basis.path("evaluationScore").asText("-"), body.path("action").asText(), sources(basis)));
            }
        }
        if (lines.isEmpty()) {
            out.println("  (none: no POLICY/TRANSFER project was linked by a composite, and no region has lower regions on a v1.1 host)");
        }
        lines.forEach((region, l) -> {
            out.println("  " + region);
            l.stream().sorted().forEach(x -> out.println("          " + x));
        });
    }

    /** "TARGETS 72.00 PERFLINK n=5, …": each component of a composite with its source. */
    private static String sources(JsonNode basis) {
        List<String> parts = new ArrayList<>();
        basis.path("components").fields().forEachRemaining(c -> {
            JsonNode v = c.getValue();
            parts.add(c.getKey() + " " + v.path("score").asText() + " " + v.path("source").asText()
                    + (v.has("perflink") ? " (PerfLink " + v.path("perflink").asText() + ")" : "")
                    + ("PERFLINK".equals(v.path("source").asText()) && v.has("n") ? " n=" + v.path("n").asText() : ""));
        });
        return String.join(", ", parts);
    }

    /** "83.80 GOOD ×1.00  KEY_ASSESSMENT 85.00 HOST (PerfLink 73.10), …": a composite with its components' sources. */
    static String composite(JsonNode adjustment) {
        JsonNode basis = adjustment.path("basis");
        StringBuilder line = new StringBuilder(basis.path("score").asText() + " " + basis.path("grade").asText()
                + " ×" + basis.path("coefficient").asText());
        String parts = sources(basis);
        if (!parts.isEmpty()) {
            line.append("  ").append(parts);
        }
        return line.toString();
    }

    private static void count(Map<String, Map<String, Integer>> counts, String region, String key) {
        counts.computeIfAbsent(region, r -> new TreeMap<>()).merge(key, 1, Integer::sum);
    }

    private static String top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

}
