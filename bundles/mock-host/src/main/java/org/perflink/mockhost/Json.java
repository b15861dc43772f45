package org.perflink.mockhost;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bundle's one ObjectMapper and small JSON helpers. Numbers are read as exact {@code BigDecimal}s so
 * that a dataset is served byte-for-byte as its author wrote the values (a deliberately wrong
 * {@code "budgetAmount": 5000000.1} stays {@code 5000000.1}).
 */
public final class Json {

    /** Largest document the mock reads (a dataset upload). */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(1024 * 1024)
                            .maxNumberLength(64)
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .build())
                    .build())
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static JsonNode read(byte[] bytes) throws IOException {
        JsonNode n = MAPPER.readTree(bytes);
        if (n == null || n.isMissingNode()) {
            throw new IOException("empty document");
        }
        return n;
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    public static ObjectNode error(String message) {
        ObjectNode e = object();
        e.put("error", message);
        return e;
    }

    /** A money/decimal string with exactly two fraction digits, as the contract writes money. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A fingerprint of the body's content that does not depend on the order of object fields; with
     * {@code ignoreTimestamps}, top-level fields whose name ends in {@code At} (e.g. {@code checkedAt}) are
     * left out, so a re-computed result that differs only in when it was computed compares equal.
     */
    public static long fingerprint(JsonNode body, boolean ignoreTimestamps) {
        StringBuilder sb = new StringBuilder();
        canonical(body, sb, ignoreTimestamps);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            long fp = 0;
            for (int i = 0; i < 8; i++) {
                fp = (fp << 8) | (d[i] & 0xff);
            }
            return fp;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void canonical(JsonNode n, StringBuilder sb, boolean dropTimestamps) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!(dropTimestamps && f.endsWith("At"))) {
                    names.add(f);
                }
            }
            names.sort(null);
            sb.append('{');
            for (String f : names) {
                sb.append(NODES.textNode(f)).append(':');
                canonical(n.get(f), sb, false);
                sb.append(',');
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (JsonNode c : n) {
                canonical(c, sb, false);
                sb.append(',');
            }
            sb.append(']');
        } else {
            sb.append(n.toString());
        }
    }

    /** The field as text whether the dataset wrote it as a string or a number; null when absent or null. */
    public static String textOf(JsonNode item, String field) {
        JsonNode v = item == null ? null : item.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }
}
