package org.perflink.mockhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Recording of writes: bounded log, body-less mode, and body comparison independent of field order. */
class ReceivedTest {

    static JsonNode json(String s) throws Exception {
        return Json.read(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLogIsBoundedAndCountsWhatItDropped() throws Exception {
        Received r = new Received(2, true);
        for (int i = 0; i < 5; i++) {
            r.accept("PUT", "440000", "warning", "W" + i, json("{\"i\": " + i + "}"));
        }
        JsonNode log = r.log(null, null, 0, Integer.MAX_VALUE);
        assertEquals(2, log.get("items").size());
        assertEquals(3, log.get("dropped").asInt());
        assertEquals(4, log.get("items").get(0).get("n").asInt());
        assertEquals(5, r.received(null, null, null, false).get("ids").asInt(), "ids are all kept");
    }

    @Test
    void withoutBodiesDifferencesAreStillSeen() throws Exception {
        Received r = new Received(10, false);
        assertEquals(201, r.accept("PUT", "440000", "score", "S", json("{\"a\": 1, \"b\": 2}")));
        assertEquals(200, r.accept("PUT", "440000", "score", "S", json("{\"b\": 2, \"a\": 1}")));
        JsonNode row = r.received(null, null, null, true).get("items").get(0);
        assertFalse(row.get("differentBodies").asBoolean(), "field order does not make a body different");
        assertFalse(row.has("body"));
        assertNull(r.latest("440000", "score", "S"));
        r.accept("PUT", "440000", "score", "S", json("{\"a\": 1, \"b\": 3}"));
        assertTrue(r.received(null, null, null, true).get("items").get(0).get("differentBodies").asBoolean());
        assertEquals(1, r.stats().get("idsWithDifferentBodies").asInt());
        assertFalse(r.log(null, null, 0, 10).get("items").get(0).has("body"));
    }
}
