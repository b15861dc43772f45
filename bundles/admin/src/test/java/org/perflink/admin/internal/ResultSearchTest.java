package org.perflink.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.reports.FakeRulePacks;
import org.perflink.store.ResultLedger;
import org.perflink.store.StoredResult;

/** The admin API's searchable result list: filters, sort, exact totals, and bad parameters named. */
class ResultSearchTest {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private final FakeStore store = new FakeStore();

    private AdminJson api() {
        return new AdminJson(List::of, store, store, store, store, new FakeRulePacks(),
                new RegionConfigEditor(new FakeConfigAdmin(), null), () -> LiveStatus.none(Path.of("x"), "none"),
                Clock.fixed(AT, ZoneOffset.UTC), new ObjectMapper(), store);
    }

    private void result(long seq, ResultKind kind, String project, String state) {
        String id = project + "." + kind + "." + seq;
        store.stored.add(new StoredResult(seq, "440000", kind, id, project, state,
                "{\"" + LatestResults.idField(kind) + "\":\"" + id + "\",\"projectCode\":\"" + project + "\"}", AT,
                StoredResult.DELIVERED.equals(state) ? AT : null));
    }

    private static List<String> ids(ObjectNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    @Test
    void aSearchFiltersByStateAndCodePrefixSortsAndGivesTheExactTotal() {
        result(1, ResultKind.VERDICT, "440000-2027-000101", StoredResult.DELIVERED);
        result(2, ResultKind.WARNING, "440000-2027-000101", StoredResult.PENDING);
        result(3, ResultKind.VERDICT, "440000-2027-000202", StoredResult.DEAD);
        result(4, ResultKind.SCORE, "440000-2027-000103", StoredResult.PENDING);

        ObjectNode pending = api().results("440000", Map.of("state", "pending", "limit", "1"));
        assertEquals(List.of("440000-2027-000103.SCORE.4"), ids(pending));
        assertTrue(pending.path("total").isNull(), "more follow: not counted");
        assertTrue(pending.path("hasMore").asBoolean());
        ObjectNode lastPending = api().results("440000", Map.of("state", "PENDING", "limit", "1", "offset", "1"));
        assertEquals(List.of("440000-2027-000101.WARNING.2"), ids(lastPending));
        assertEquals(2, lastPending.path("total").asInt(), "the last page knows the total");
        assertEquals("PENDING", pending.path("state").asText());

        ObjectNode prefix = api().results("440000", Map.of("q", "440000-2027-0001", "sort", "oldest"));
        assertEquals(List.of("440000-2027-000101.VERDICT.1", "440000-2027-000101.WARNING.2",
                "440000-2027-000103.SCORE.4"), ids(prefix));
        assertEquals(3, prefix.path("total").asInt());
        assertFalse(prefix.path("hasMore").asBoolean());
        JsonNode first = prefix.path("items").get(0);
        assertEquals("COMPILE", first.path("stage").asText());
        assertEquals("DELIVERED", first.path("state").asText());

        ObjectNode verdicts = api().results("440000", Map.of("kind", "verdict", "sort", "newest", "offset", "1"));
        assertEquals(List.of("440000-2027-000101.VERDICT.1"), ids(verdicts));
        assertEquals(2, verdicts.path("total").asInt());
    }

    @Test
    void outcomeDepartmentRuleAndSubjectOrderGoToTheStoreAndAreEchoed() {
        result(1, ResultKind.VERDICT, "440000-2027-000101", StoredResult.DELIVERED);
        ObjectNode page = api().results("440000", Map.of("outcome", "block", "department", "D01",
                "rule", "COMPILE_TARGET_MISSING", "sort", "subject"));
        assertEquals(new ResultLedger.ResultQuery(null, null, null, false, "BLOCK", "D01", "COMPILE_TARGET_MISSING", true),
                store.lastQuery);
        assertEquals("BLOCK", page.path("outcome").asText());
        assertEquals("D01", page.path("department").asText());
        assertEquals("COMPILE_TARGET_MISSING", page.path("rule").asText());
        assertEquals("subject", page.path("sort").asText());
        api().results("440000", Map.of("rule", "EXEC_LAG_RED"));
        assertEquals(new ResultLedger.ResultQuery(null, null, null, false, null, null, "EXEC_LAG_RED", false), store.lastQuery,
                "a rule id alone makes a search");
    }

    @Test
    void withoutSearchParametersTheListIsAsBefore() {
        result(1, ResultKind.VERDICT, "440000-2027-000101", StoredResult.DELIVERED);
        ObjectNode plain = api().results("440000", Map.of("limit", "5"));
        assertFalse(plain.has("state"), "the old answer, unchanged");
        assertEquals(1, plain.path("total").asInt());
    }

    @Test
    void badSearchParametersAreNamed() {
        for (Map.Entry<String, String> bad : Map.of("state", "LOST", "q", "a%b", "sort", "random", "limit", "0",
                "outcome", "BLOCK;", "department", "D 01", "rule", "R%")
                .entrySet()) {
            Map<String, String> query = new java.util.HashMap<>(Map.of("sort", "newest"));
            query.put(bad.getKey(), bad.getValue()); // a search (sort given) with one bad parameter
            var e = assertThrows(IllegalArgumentException.class, () -> api().results("440000", query), bad::toString);
            assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }
}
