package org.perflink.host.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.Phase;
import org.perflink.api.model.StageEvent;
import org.perflink.host.http.HostJson;

class CsvReaderTest {

    private final ObjectMapper mapper = HostJson.newMapper();
    private final Intake intake = new Intake(mapper, "440106");

    @Test
    void executionSnapshotsOneLinePerIndicator() throws Exception {
        String csv = "项目编码,年度,截止日期,调整后预算数,已支付金额,指标编码,完成值\n"
                + "440106-2027-000001,2027,2027-07-31,5000000.00,1800000.00,O1,5\n"
                + "440106-2027-000001,2027,2027-07-31,5000000.00,1800000.00,S1,A\n"
                + "440106-2027-000002,2027,2027-07-31,100.00,\"1,000.00\",,\n";
        Submission s = CsvReader.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, s.items.size());
        FolderState.Stored st = intake.bind(s.items.get(0), "x.csv");
        ExecutionSnapshot e = mapper.treeToValue(st.json(), ExecutionSnapshot.class);
        assertEquals("2027-07-31", e.asOf().toString());
        assertEquals(2, e.indicators().size());
        assertEquals("A", e.indicators().get(1).actual());
        assertEquals("1000.00", intake.bind(s.items.get(1), "x.csv").json().path("paidAmount").asText(), "thousands separators");
    }

    @Test
    void gb18030AsExcelSavesItAndJsonColumns() throws Exception {
        String csv = "部门编码,年度,components.OVERALL_EVALUATION,deductions,下年度项目支出基数\n"
                + "101,2027,75,\"[{\"\"source\"\":\"\"AUDIT\"\",\"\"points\"\":\"\"2\"\",\"\"ref\"\":\"\"审计报告\"\"}]\",120000000.00\n";
        Submission s = CsvReader.read("d.csv", csv.getBytes(Charset.forName("GB18030")));
        FolderState.Stored st = intake.bind(s.items.get(0), "d.csv");
        assertNull(st.error(), st.error());
        DepartmentEvaluationInput d = mapper.treeToValue(st.json(), DepartmentEvaluationInput.class);
        assertEquals("75", d.components().get("OVERALL_EVALUATION").toPlainString());
        assertEquals("审计报告", d.deductions().get(0).ref());
    }

    @Test
    void aBadValueNamesLineAndColumn() {
        String csv = "项目编码,年度,截止日期,调整后预算数,已支付金额\n440106-2027-000001,2027,2027-07-31,五百,1\n";
        Submission s = CsvReader.read("x.csv", csv.getBytes(StandardCharsets.UTF_8));
        FolderState.Stored st = intake.bind(s.items.get(0), "x.csv");
        assertNull(st.json());
        assertEquals("文件 x.csv 第2行「调整后预算数」列", st.errorPath());
    }

    @Test
    void eventsWithChineseWordsAndABadLine() {
        String csv = "阶段,环节,年度,截止日期,项目编码,发生时间\n"
                + "执行,监控,2027,2027-07-31,440106-2027-000001;440106-2027-000002,\n"
                + "决算,挂钩,2027,,,2028-03-31T10:00:00+08:00\n"
                + "决算,申报,2027,,,\n";
        Submission s = CsvReader.read("events.csv", csv.getBytes(StandardCharsets.UTF_8));
        List<ObjectNode> events = intake.events(s, List.of(), OffsetDateTime.parse("2027-08-01T09:00:00+08:00"));
        assertEquals(2, events.size());
        assertEquals(1, s.problems.size());
        assertTrue(s.problems.get(0).where().contains("第4行"), s.problems.get(0).where());
        ObjectNode first = events.get(0).deepCopy();
        first.put("seq", 1);
        first.put("eventId", "e1");
        StageEvent e = mapper.convertValue(first, StageEvent.class);
        assertEquals(Phase.MONITOR, e.phase());
        assertEquals(2, e.projectCodes().size());
        assertEquals("2027-08-01T09:00+08:00", e.occurredAt().toString(), "dated by the file when the line has no time");
    }

    @Test
    void anUnknownHeadingIsAProblem() {
        Submission s = CsvReader.read("x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(s.items.isEmpty());
        assertEquals(1, s.problems.size());
    }
}
