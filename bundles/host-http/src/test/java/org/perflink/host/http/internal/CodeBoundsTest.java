package org.perflink.host.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.perflink.api.host.Parsed;
import org.perflink.api.model.Project;
import org.perflink.mockhost.Dataset;

/**
 * Issue 17 item 12: codes longer than the store's keys allow make the item invalid (INPUT_INVALID for the
 * stage), naming the field; the key kept for its rejection is cut to fit. Read through the ContractCodec
 * service, which is what {@code perflink:check} uses.
 */
class CodeBoundsTest {

    private final JsonContractCodec codec = new JsonContractCodec();

    private static ObjectNode project() throws IOException {
        return (ObjectNode) Dataset.demo().region("440000").project("440000-2027-000101", 2027).orElseThrow().deepCopy();
    }

    private Parsed<Project> read(ObjectNode json) throws IOException {
        return codec.readProject(new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCodeAtTheBoundIsValidOneBeyondIsInvalidNamingTheField() throws IOException {
        assertTrue(read(project()).valid());
        ObjectNode atBound = project();
        atBound.put("departmentCode", "D".repeat(ContractBounds.MAX_CODE));
        assertTrue(read(atBound).valid(), read(atBound).error());

        for (String field : new String[] {"departmentCode", "unitCode", "functionCode", "regionCode"}) {
            ObjectNode p = project();
            p.put(field, "X".repeat(ContractBounds.MAX_CODE + 1));
            Parsed<Project> parsed = read(p);
            assertFalse(parsed.valid(), field);
            assertEquals(field, parsed.errorPath());
            assertTrue(parsed.error().contains("代码过长"), parsed.error());
            assertEquals("440000-2027-000101", parsed.key());
        }
        ObjectNode indicator = project();
        ((ObjectNode) indicator.path("target").path("indicators").get(0)).put("code", "I".repeat(500));
        assertEquals("target.indicators[0].code", read(indicator).errorPath());
    }

    @Test
    void anOverLongProjectCodeIsInvalidWithAKeyThatFitsTheStore() throws IOException {
        ObjectNode p = project();
        p.put("projectCode", "P".repeat(1_000_000 - 10));
        Parsed<Project> parsed = read(p);
        assertFalse(parsed.valid());
        assertEquals("projectCode", parsed.errorPath());
        assertEquals(ContractBounds.MAX_CODE + 1, parsed.key().length(), "cut to the bound, with an ellipsis");
        assertTrue(parsed.key().endsWith("…"));
    }

    @Test
    void aDocumentThatIsNotJsonThrowsWithoutQuotingIt() {
        IOException e = assertThrows(IOException.class,
                () -> codec.readProject(new ByteArrayInputStream("{\"secret\": 12 oops".getBytes(StandardCharsets.UTF_8))));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
