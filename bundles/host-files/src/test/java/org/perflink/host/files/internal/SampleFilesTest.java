package org.perflink.host.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The sample files of docs/host-files/, made from the demo dataset by {@link FormWriter}: written again when
 * {@code -Dperflink.samples=<dir>} is given, and the committed ones read back as the folder reads them.
 */
class SampleFilesTest {

    static final String DECLARATION = "项目支出绩效目标申报表-示例.xlsx";
    static final String EVALUATION = "项目支出绩效自评表-示例.xlsx";
    private final ObjectMapper mapper = HostJson.newMapper();

    @Test
    void theSamplesAreTheDemoDatasetAsForms() throws Exception {
        RegionData region = Dataset.demo().region("440000");
        List<JsonNode> projects = region.projects(2027).subList(0, 3);
        List<JsonNode> evaluations = region.evaluations(2027).subList(0, 2);
        Map<String, JsonNode> byCode = new HashMap<>();
        region.projects(2027).forEach(p -> byCode.put(p.path("projectCode").asText(), p));
        ByteArrayOutputStream declaration = new ByteArrayOutputStream();
        FormWriter.declaration(declaration, projects, "DECLARED");
        ByteArrayOutputStream evaluation = new ByteArrayOutputStream();
        FormWriter.selfEvaluation(evaluation, evaluations, byCode, null);
        Map<String, byte[]> files = Map.of(DECLARATION, declaration.toByteArray(), EVALUATION, evaluation.toByteArray(),
                "执行数据-示例.csv", FormWriter.executionCsv(region.execution(2027, "2027-07-31").subList(0, 2)).getBytes(StandardCharsets.UTF_8),
                "部门整体-示例.csv", FormWriter.itemsCsv(region.departments(2027)).getBytes(StandardCharsets.UTF_8),
                "阶段事件-示例.csv", FormWriter.eventsCsv(List.of(mapper.readTree(
                        "{\"stage\":\"EXECUTE\",\"phase\":\"MONITOR\",\"year\":2027,\"asOf\":\"2027-07-31\",\"projectCodes\":[]}"),
                        mapper.readTree("{\"stage\":\"CLOSE\",\"phase\":\"LINK\",\"year\":2027}"))).getBytes(StandardCharsets.UTF_8));
        String target = System.getProperty("perflink.samples");
        Path dir = target != null ? Path.of(target) : Path.of("../../docs/host-files");
        if (target != null) {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
        }
        Intake intake = new Intake(mapper, "440000");
        Submission d = WorkbookReader.read(DECLARATION, new ByteArrayInputStream(Files.readAllBytes(dir.resolve(DECLARATION))));
        assertEquals(3, d.items.size());
        for (int i = 0; i < 3; i++) {
            FolderState.Stored st = intake.bind(d.items.get(i), DECLARATION);
            assertNull(st.error(), st.error());
            assertEquals(projects.get(i).path("projectCode").asText(), st.key());
        }
        Submission e = WorkbookReader.read(EVALUATION, new ByteArrayInputStream(Files.readAllBytes(dir.resolve(EVALUATION))));
        assertEquals(2, e.items.size());
        assertNull(intake.bind(e.items.get(0), EVALUATION).error());
        for (String csv : List.of("执行数据-示例.csv", "部门整体-示例.csv", "阶段事件-示例.csv")) {
            Submission s = CsvReader.read(csv, Files.readAllBytes(dir.resolve(csv)));
            assertTrue(s.problems.isEmpty(), csv + ": " + s.problems);
            assertTrue(!s.items.isEmpty() || !s.events.isEmpty(), csv);
        }
    }
}
