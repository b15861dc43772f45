package org.perflink.host.http.internal;

import org.perflink.host.http.HostJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Project;

/** {@link HttpHostGateway#pathOf}: the field a bad item is reported at, as findings name it. */
class PathOfTest {

    private final ObjectMapper mapper = HostJson.newMapper();

    private String bindingPath(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, type));
        return ItemReader.pathOf(e);
    }

    @Test
    void nestedFieldsAndIndexes() {
        String json = "{\"projectCode\": \"p\", \"target\": {\"indicators\": ["
                + "{\"code\": \"I1\"}, {\"code\": \"I2\"}, {\"code\": \"I3\", \"operator\": \"ABOUT\"}]}}";
        assertEquals("target.indicators[2].operator", bindingPath(json, Project.class));
        assertEquals("target.reviews[0].outcome", bindingPath(
                "{\"target\": {\"reviews\": [{\"level\": \"UNIT\", \"outcome\": \"MAYBE\"}]}}", Project.class));
        assertEquals("budgetAmount", bindingPath("{\"budgetAmount\": \"abc\"}", Project.class));
        assertEquals("exAnte.date", bindingPath("{\"exAnte\": {\"date\": \"2026-13-45\"}}", Project.class));
        assertEquals("deductions[1].points", bindingPath(
                "{\"deductions\": [{\"points\": \"1\"}, {\"points\": \"x\"}]}", DepartmentEvaluationInput.class));
    }

    @Test
    void parserErrorsAreReportedWhereTheParserStood() throws Exception {
        String json = "{\"target\": {\"indicators\": [{\"code\": \"I1\"}, {\"code\": \"I2\", \"code\": \"I3\"}]}}";
        try (JsonParser p = mapper.createParser(json)) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readTree(p));
            assertEquals("target.indicators[1].code", ItemReader.pathOf(e));
            assertEquals("target.indicators[1].code", ItemReader.pathOf(p.getParsingContext()));
        }
    }

    @Test
    void theTopLevelIsTheEmptyPath() {
        assertEquals("", bindingPath("[]", Project.class));
        assertEquals("", ItemReader.pathOf(new JsonProcessingException("no location") {
            private static final long serialVersionUID = 1L;
        }));
    }
}
