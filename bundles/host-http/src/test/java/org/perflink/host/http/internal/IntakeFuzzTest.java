package org.perflink.host.http.internal;

import org.perflink.host.http.HostJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perflink.api.host.HostException;
import org.perflink.api.host.Page;
import org.perflink.api.host.Parsed;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.RegionData;

/**
 * Fuzzing the JSON intake with seeded random mutations of real items of the demo dataset (projects,
 * execution snapshots, evaluation inputs, department inputs): fields deleted, types changed, enum values
 * made up, absurd numbers (1e30, 10^100, negative, exponents of a billion), deep nesting, duplicate keys,
 * oversized strings, corrupted characters, truncated pages. Each mutated item sits between two good ones
 * on a page served over HTTP. Whatever the mutation, no exception escapes the gateway but a
 * HostException for a page that is not JSON at all; every item comes back valid or invalid with a path
 * and a reason; the good items of the page come back exactly as without the mutation; and an item that
 * still comes back valid is within the contract's bounds.
 */
class IntakeFuzzTest {

    static final long SEED = 20_261_102L;
    static final int ITERATIONS = 500;

    enum Collection { PROJECTS, EXECUTION, EVALUATIONS, DEPARTMENTS }

    enum Mutation {
        DELETE_FIELD, CHANGE_TYPE, WRONG_ENUM, HUGE_NUMBER, DEEP_NESTING, DUPLICATE_KEY, OVERSIZED_STRING,
        CORRUPT_CHARACTER, TRUNCATE_PAGE, NOT_AN_OBJECT, UNKNOWN_FIELD
    }

    static final ObjectMapper PLAIN = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000)
                    .maxNumberLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
            .build());
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static PageServer server;
    static HttpHostGateway gateway;
    static final Map<Collection, List<ObjectNode>> GOOD = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = new PageServer();
        gateway = new HttpHostGateway(server.settings(), HostJson.newMapper());
        Dataset demo = Dataset.demo();
        for (Collection c : Collection.values()) {
            List<ObjectNode> candidates = new ArrayList<>();
            for (RegionData r : demo.regions()) {
                List<JsonNode> items = switch (c) {
                    case PROJECTS -> r.projects(2027);
                    case EXECUTION -> r.execution(2027, "2027-07-31");
                    case EVALUATIONS -> r.evaluations(2027);
                    case DEPARTMENTS -> r.departments(2027);
                };
                items.forEach(i -> candidates.add((ObjectNode) i.deepCopy()));
            }
            // the dataset's deliberately malformed items are not "good" items
            List<Parsed<?>> parsed = fetch(c, page(candidates.stream().map(JsonNode::toString).toList()));
            List<ObjectNode> good = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (parsed.get(i).valid()) {
                    good.add(candidates.get(i));
                }
            }
            assertTrue(good.size() >= 3, c + " has good items");
            GOOD.put(c, good);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void randomMutationsOfRealPayloadsNeverEscapeAndNeverTakeTheGoodItemsDown() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Collection c = Collection.values()[random.nextInt(Collection.values().length)];
            List<ObjectNode> good = GOOD.get(c);
            ObjectNode before = good.get(random.nextInt(good.size()));
            ObjectNode after = good.get(random.nextInt(good.size()));
            ObjectNode victim = good.get(random.nextInt(good.size())).deepCopy();
            Mutation m = pick(random);
            String mutated = mutate(victim, m, random);
            String page = page(List.of(before.toString(), mutated, after.toString()));
            if (m == Mutation.TRUNCATE_PAGE) {
                page = page.substring(0, 1 + random.nextInt(page.length() - 1));
            }
            String where = "iteration " + iteration + " (seed " + SEED + ", " + c + ", " + m + "): "
                    + abbreviate(mutated);
            List<Parsed<?>> items;
            try {
                items = fetch(c, page);
            } catch (HostException e) {
                assertFalse(isJsonPage(page), where + ": a HostException for a JSON page: " + e.getMessage());
                count(outcomes, m + " → page not JSON");
                continue;
            } catch (RuntimeException | Error e) {
                fail(where + ": escaped the gateway: " + e, e);
                return;
            }
            assertEquals(3, items.size(), where);
            assertSameAsAlone(c, before, items.get(0), where);
            assertSameAsAlone(c, after, items.get(2), where);
            Parsed<?> p = items.get(1);
            if (p.valid()) {
                assertNull(ContractBounds.check(p.value()), where + ": a valid item out of bounds");
                assertTrue(p.identified(), where + ": valid without a key");
                count(outcomes, m + " → valid");
            } else {
                assertNotNull(p.errorPath(), where + ": invalid without a path");
                assertNotNull(p.error(), where + ": invalid without a reason");
                assertFalse(p.error().isBlank(), where);
                count(outcomes, m + " → invalid");
            }
        }
        System.out.println("intake fuzz, " + ITERATIONS + " iterations, seed " + SEED + ": " + outcomes);
        // the mutations did bite: most mutated items are refused, some truncated pages are not JSON
        assertTrue(outcomes.entrySet().stream().filter(e -> e.getKey().endsWith("invalid"))
                .mapToInt(Map.Entry::getValue).sum() > ITERATIONS / 3, outcomes.toString());
        assertTrue(outcomes.getOrDefault(Mutation.TRUNCATE_PAGE + " → page not JSON", 0) > 0, outcomes.toString());
    }

    // ---------------------------------------------------------------------------------------- helpers

    static Mutation pick(Random random) {
        // oversized strings cost a megabyte each: rarer
        Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
        return m == Mutation.OVERSIZED_STRING && random.nextInt(4) != 0 ? Mutation.CHANGE_TYPE : m;
    }

    static String mutate(ObjectNode item, Mutation m, Random random) {
        switch (m) {
            case DELETE_FIELD -> {
                Slot s = randomField(item, random);
                ((ObjectNode) s.parent()).remove(s.name());
                return item.toString();
            }
            case CHANGE_TYPE -> {
                replace(randomSlot(item, random), otherType(random));
                return item.toString();
            }
            case WRONG_ENUM -> {
                List<Slot> enums = new ArrayList<>();
                slots(item, s -> s.value().isTextual() && s.value().asText().matches("[A-Z][A-Z_]+"), enums);
                if (enums.isEmpty()) {
                    replace(randomSlot(item, random), F.textNode("BOGUS"));
                } else {
                    Slot s = enums.get(random.nextInt(enums.size()));
                    replace(s, F.textNode(random.nextBoolean() ? "BOGUS_" + s.value().asText()
                            : s.value().asText().toLowerCase()));
                }
                return item.toString();
            }
            case HUGE_NUMBER -> {
                JsonNode n = switch (random.nextInt(10)) {
                    case 0 -> F.numberNode(new BigDecimal("1E+30"));
                    case 1 -> F.textNode("1e30");
                    case 2 -> F.numberNode(BigInteger.TEN.pow(100));
                    case 3 -> F.textNode(BigInteger.TEN.pow(100).toString());
                    case 4 -> F.textNode("-5000000.00");
                    case 5 -> F.numberNode(-1);
                    case 6 -> F.textNode("1e999999999");
                    case 7 -> F.textNode("0E-999999999");
                    case 8 -> F.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
                    default -> F.numberNode(new BigDecimal("0.001"));
                };
                // money and scores most of the time, anywhere else sometimes
                List<Slot> numbers = new ArrayList<>();
                slots(item, s -> s.value().isTextual() && s.value().asText().matches("-?[0-9]+(\\.[0-9]+)?"), numbers);
                replace(numbers.isEmpty() || random.nextInt(4) == 0 ? randomSlot(item, random)
                        : numbers.get(random.nextInt(numbers.size())), n);
                return item.toString();
            }
            case DEEP_NESTING -> {
                int depth = List.of(33, 100, 1000, 5000).get(random.nextInt(4));
                boolean arrays = random.nextBoolean();
                replace(randomSlot(item, random), F.textNode("@@DEEP@@"));
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                return item.toString().replace("\"@@DEEP@@\"", open.repeat(depth) + "1" + close.repeat(depth));
            }
            case DUPLICATE_KEY -> {
                List<Slot> objects = new ArrayList<>();
                slots(item, s -> s.value().isObject() && s.value().size() > 0, objects);
                ObjectNode target = objects.isEmpty() || random.nextInt(3) == 0 ? item
                        : (ObjectNode) objects.get(random.nextInt(objects.size())).value();
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                target.putNull("@@DUP@@");
                return item.toString().replace("\"@@DUP@@\":null",
                        PLAIN.getNodeFactory().textNode(name) + ":" + otherType(random));
            }
            case OVERSIZED_STRING -> {
                replace(randomSlot(item, random), F.textNode("x".repeat(HostJson.MAX_STRING_LENGTH + 1)));
                return item.toString();
            }
            case CORRUPT_CHARACTER -> {
                StringBuilder text = new StringBuilder(item.toString());
                int at = random.nextInt(text.length());
                String junk = "{}[]\",:\\\u0000\u00ff0e-";
                if (random.nextBoolean()) {
                    text.setCharAt(at, junk.charAt(random.nextInt(junk.length())));
                } else {
                    text.deleteCharAt(at);
                }
                return text.toString();
            }
            case NOT_AN_OBJECT -> {
                return List.of("[" + item + "]", "42", "\"" + item.path("projectCode").asText("x") + "\"", "null",
                        "true", "[]").get(random.nextInt(6));
            }
            case UNKNOWN_FIELD -> {
                item.set("x-extension-" + random.nextInt(100), otherType(random));
                return item.toString();
            }
            case TRUNCATE_PAGE -> {
                return item.toString();
            }
        }
        throw new AssertionError(m);
    }

    /** A field of an object or an element of an array, somewhere in the item. */
    record Slot(JsonNode parent, String name, int index, JsonNode value) {
    }

    static void slots(JsonNode node, java.util.function.Predicate<Slot> keep, List<Slot> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : List.copyOf(node.properties())) {
                Slot s = new Slot(node, e.getKey(), -1, e.getValue());
                if (keep.test(s)) {
                    out.add(s);
                }
                slots(e.getValue(), keep, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Slot s = new Slot(node, null, i, node.get(i));
                if (keep.test(s)) {
                    out.add(s);
                }
                slots(node.get(i), keep, out);
            }
        }
    }

    static Slot randomSlot(ObjectNode item, Random random) {
        List<Slot> all = new ArrayList<>();
        slots(item, s -> true, all);
        return all.get(random.nextInt(all.size()));
    }

    static Slot randomField(ObjectNode item, Random random) {
        List<Slot> fields = new ArrayList<>();
        slots(item, s -> s.name() != null, fields);
        return fields.get(random.nextInt(fields.size()));
    }

    static void replace(Slot s, JsonNode value) {
        if (s.name() != null) {
            ((ObjectNode) s.parent()).set(s.name(), value);
        } else {
            ((ArrayNode) s.parent()).set(s.index(), value);
        }
    }

    static JsonNode otherType(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> F.numberNode(42);
            case 1 -> F.textNode("x");
            case 2 -> F.booleanNode(true);
            case 3 -> F.nullNode();
            case 4 -> F.arrayNode().add(1).add("two");
            case 5 -> F.objectNode().put("k", "v");
            case 6 -> F.numberNode(3.5);
            default -> F.textNode("");
        };
    }

    static String page(List<String> items) {
        return "{\"items\": [" + String.join(", ", items) + "], \"nextCursor\": null}";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Parsed<?>> fetch(Collection c, String page) throws HostException {
        server.serve(page);
        Page<? extends Parsed<?>> p = switch (c) {
            case PROJECTS -> gateway.projects("440000", 2027, List.of(), null, 200);
            case EXECUTION -> gateway.execution("440000", 2027, java.time.LocalDate.parse("2027-07-31"), null, 200);
            case EVALUATIONS -> gateway.evaluations("440000", 2027, null, 200);
            case DEPARTMENTS -> gateway.departments("440000", 2027, null, 200);
        };
        return (List) p.items();
    }

    /** A good item on a page with a mutated one parses exactly as it does alone. */
    static void assertSameAsAlone(Collection c, ObjectNode item, Parsed<?> onPage, String where) throws HostException {
        assertTrue(onPage.valid(), where + ": a good item was lost: " + onPage);
        Parsed<?> alone = ALONE.computeIfAbsent(item.toString(), k -> {
            try {
                return fetch(c, page(List.of(k))).get(0);
            } catch (HostException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(alone, onPage, where);
    }

    static final Map<String, Parsed<?>> ALONE = new java.util.HashMap<>();

    /** Whether a strict reader sees a JSON page: one object with one "items" array, nothing after it. */
    static boolean isJsonPage(String text) {
        try {
            JsonNode page = PLAIN.readerFor(JsonNode.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readValue(text);
            return page != null && page.isObject() && page.path("items").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    static void count(Map<String, Integer> outcomes, String key) {
        outcomes.merge(key, 1, Integer::sum);
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
    }
}
