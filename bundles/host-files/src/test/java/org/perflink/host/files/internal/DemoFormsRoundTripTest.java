package org.perflink.host.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perflink.host.http.HostJson;
import org.perflink.mockhost.Dataset;
import org.perflink.mockhost.RegionData;

/**
 * Every item of the demo dataset, written as the forms and CSV files and read back, binds to the very record the
 * HTTP host's JSON binds to: what the folder reads is what the contract says, field by field.
 */
class DemoFormsRoundTripTest {

    private final ObjectMapper mapper = HostJson.newMapper();

    @Test
    void everyDemoItemSurvivesTheForms() throws Exception {
        int checked = 0;
        for (RegionData region : Dataset.demo().regions()) {
            Intake intake = new Intake(mapper, region.regionCode());
            List<JsonNode> projects = new ArrayList<>();
            List<JsonNode> evaluations = new ArrayList<>();
            List<JsonNode> execution = new ArrayList<>();
            List<JsonNode> departments = new ArrayList<>();
            for (int year : List.of(2026, 2027)) {
                projects.addAll(region.projects(year));
                evaluations.addAll(region.evaluations(year));
                departments.addAll(region.departments(year));
            }
            Map<String, JsonNode> byCode = new HashMap<>();
            projects.forEach(p -> byCode.put(p.path("projectCode").asText(), p));
            for (JsonNode p : projects) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                FormWriter.declaration(out, List.of(p), "DECLARED");
                checked += same(intake, WorkbookReader.read("p.xlsx", new ByteArrayInputStream(out.toByteArray())), List.of(p));
            }
            if (!evaluations.isEmpty()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                FormWriter.selfEvaluation(out, evaluations, byCode, null);
                checked += same(intake, WorkbookReader.read("e.xlsx", new ByteArrayInputStream(out.toByteArray())), evaluations);
            }
            for (String asOf : List.of("2027-07-31", "2027-09-30", "2027-11-30")) {
                execution.addAll(region.execution(2027, asOf));
            }
            checked += same(intake, CsvReader.read("x.csv", FormWriter.executionCsv(execution).getBytes(StandardCharsets.UTF_8)), execution);
            if (!departments.isEmpty()) {
                checked += same(intake, CsvReader.read("d.csv", FormWriter.itemsCsv(departments).getBytes(StandardCharsets.UTF_8)), departments);
            }
            if (!region.evaluators().isEmpty()) {
                checked += same(intake, CsvReader.read("v.csv", FormWriter.itemsCsv(region.evaluators()).getBytes(StandardCharsets.UTF_8)),
                        region.evaluators());
            }
        }
        assertTrue(checked > 150, "checked " + checked);
    }

    private int same(Intake intake, Submission read, List<JsonNode> originals) throws Exception {
        assertEquals(originals.size(), read.items.size(), read.file + ": " + read.problems);
        for (int i = 0; i < originals.size(); i++) {
            FolderState.Stored st = intake.bind(read.items.get(i), read.file);
            Class<?> type = Intake.type(st.kind());
            Object expected;
            try {
                expected = mapper.treeToValue(originals.get(i), type);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a deliberately bad demo item: refused from the file too, naming the cell of the same field
                assertNull(st.json(), read.file + " item " + i + " should be refused like " + e.getOriginalMessage());
                assertEquals(originals.get(i).path("projectCode").asText(null), st.key());
                assertTrue(st.errorPath().contains("行"), st.errorPath());
                assertTrue(st.error().contains("'" + Intake.pathOf(e) + "'"), st.error());
                continue;
            }
            assertNull(st.error(), st.error());
            assertEquals(expected, mapper.treeToValue(st.json(), type), read.file + " item " + i);
        }
        return originals.size();
    }
}
