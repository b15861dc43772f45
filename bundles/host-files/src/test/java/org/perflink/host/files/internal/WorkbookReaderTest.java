package org.perflink.host.files.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.perflink.api.model.Indicator;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.host.http.HostJson;

/** The 申报表 and 自评表 as departments fill them in: tolerant labels, merged level cells, "≥12所" values, bad cells. */
class WorkbookReaderTest {

    private final ObjectMapper mapper = HostJson.newMapper();
    private final Intake intake = new Intake(mapper, "440106");

    /** A 申报表 laid out as a county's form: spaces and full-width colons in labels, 万元, one text per value. */
    static byte[] countyDeclaration(String budgetCell) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("说明");
        ws.value(0, 0, "填表说明：每个项目一张工作表");
        ws = wb.newWorksheet("薄弱环节改善");
        ws.value(0, 0, "2027年度项目支出绩效目标申报表");
        ws.value(2, 0, "项目名称：");
        ws.value(2, 1, "义务教育薄弱环节改善");
        ws.value(2, 3, "项目编码");
        ws.value(2, 4, "440106-2027-000001");
        ws.value(3, 0, "主 管 部 门");
        ws.value(3, 1, "101 区教育局");
        ws.value(3, 3, "实施单位：");
        ws.value(3, 4, "101001 区教育局机关");
        ws.value(4, 0, "年　度");
        ws.value(4, 1, 2027);
        ws.value(5, 0, "资金情况（万元）");
        ws.value(5, 1, "年度资金总额：");
        if (budgetCell.equals("=FORMULA")) {
            ws.formula(5, 2, "1/0");
        } else {
            ws.value(5, 2, budgetCell);
        }
        ws.value(6, 0, "年度总体目标");
        ws.value(6, 1, "改善12所学校办学条件");
        String[] heading = {"一级指标", "二级指标", "三级指标", "指标值"};
        for (int c = 0; c < heading.length; c++) {
            ws.value(8, c, heading[c]);
        }
        String[][] rows = {{"产出指标", "数量指标", "改造学校数量", "≥12所"}, {null, "质量指标", "验收合格率", "≥95%"},
            {"成本指标", "经济成本指标", "项目总成本", "≤490万元"}, {"效益指标", "社会效益指标", "长效管护机制", "建立并有效运行"},
            {"满意度指标", "服务对象满意度指标", "学生满意度", "≥ 90 %"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) {
                if (rows[r][c] != null) {
                    ws.value(9 + r, c, rows[r][c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void readsACountyDeclarationWithTolerantLabels() throws Exception {
        Submission s = WorkbookReader.read("a.xlsx", new ByteArrayInputStream(countyDeclaration("500")));
        assertEquals(1, s.items.size(), "the instructions sheet is skipped");
        assertEquals(1, s.problems.size());
        FolderState.Stored st = intake.bind(s.items.get(0), "a.xlsx");
        assertNull(st.error(), st.error());
        Project p = mapper.treeToValue(st.json(), Project.class);
        assertEquals("440106-2027-000001", p.projectCode());
        assertEquals("440106", p.regionCode());
        assertEquals(2027, p.year());
        assertEquals("101", p.departmentCode());
        assertEquals("区教育局", p.departmentName());
        assertEquals("101001", p.unitCode());
        assertEquals(new BigDecimal("5000000"), p.budgetAmount(), "500 万元");
        assertEquals("改善12所学校办学条件", p.target().overallGoal());
        List<Indicator> ind = p.target().indicators();
        assertEquals(5, ind.size());
        assertEquals(Indicator.Level1.OUTPUT, ind.get(1).level1(), "a blank 一级指标 repeats the one above (merged cell)");
        assertEquals(Indicator.Level2.QUALITY, ind.get(1).level2());
        assertEquals(Indicator.Operator.GE, ind.get(0).operator());
        assertEquals("12", ind.get(0).value());
        assertEquals("所", ind.get(0).unit());
        assertEquals(Indicator.Operator.LE, ind.get(2).operator());
        assertEquals("万元", ind.get(2).unit());
        assertEquals(Indicator.Level2.ECONOMIC_COST, ind.get(2).level2());
        assertEquals(Indicator.Type.QUALITATIVE, ind.get(3).type());
        assertEquals("建立并有效运行", ind.get(3).value());
        assertEquals("90", ind.get(4).value());
        assertEquals("%", ind.get(4).unit());
        assertEquals("改造学校数量", ind.get(0).code(), "without 指标编码 the name is the code");
        assertEquals("工作表「薄弱环节改善」第10行D列 (D10)", st.cells().get("target.indicators[0].value"));
    }

    @Test
    void aCellThatIsNotAnAmountIsRefusedNamingSheetRowAndColumn() throws Exception {
        Submission s = WorkbookReader.read("a.xlsx", new ByteArrayInputStream(countyDeclaration("五百万")));
        FolderState.Stored st = intake.bind(s.items.get(0), "a.xlsx");
        assertNull(st.json());
        assertEquals("440106-2027-000001", st.key(), "still identified, so it gets its own INPUT_INVALID verdict");
        assertEquals("工作表「薄弱环节改善」第6行C列 (C6)", st.errorPath());
        assertTrue(st.error().contains("budgetAmount"), st.error());
    }

    @Test
    void anAmountOutOfTheContractsBoundsIsRefusedAsOverHttp() throws Exception {
        Submission s = WorkbookReader.read("a.xlsx", new ByteArrayInputStream(countyDeclaration("-5")));
        FolderState.Stored st = intake.bind(s.items.get(0), "a.xlsx");
        assertNull(st.json());
        assertEquals("工作表「薄弱环节改善」第6行C列 (C6)", st.errorPath());
        assertTrue(st.error().contains("'budgetAmount'"), st.error());
    }

    @Test
    void aFormulaWithoutItsValueIsUnreadableNamingTheCell() throws Exception {
        Submission s = WorkbookReader.read("a.xlsx", new ByteArrayInputStream(countyDeclaration("=FORMULA")));
        FolderState.Stored st = intake.bind(s.items.get(0), "a.xlsx");
        assertNull(st.json());
        assertEquals("工作表「薄弱环节改善」第6行C列 (C6)", st.errorPath());
        assertTrue(st.error().startsWith("单元格无法读取"), st.error());
    }

    @Test
    void readsASelfEvaluationWithScoreRowsAfterTheTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("自评");
        ws.value(0, 0, "项目支出绩效自评表");
        ws.value(1, 0, "项目编码");
        ws.value(1, 1, "440106-2027-000001");
        ws.value(1, 2, "年度");
        ws.value(1, 3, "2027");
        ws.value(2, 0, "主管部门");
        ws.value(2, 1, "101");
        ws.value(2, 2, "项目类型");
        ws.value(2, 3, "项目支出");
        ws.value(3, 0, "项目属性");
        ws.value(3, 1, "延续性");
        ws.value(4, 0, "资金情况");
        ws.value(4, 1, "全年预算数（万元）");
        ws.value(4, 2, "200");
        ws.value(4, 3, "全年执行数（万元）");
        ws.value(4, 4, "190");
        String[] heading = {"一级指标", "二级指标", "三级指标", "指标编码", "指标值", "实际完成值", "分值", "得分", "不适用原因"};
        for (int c = 0; c < heading.length; c++) {
            ws.value(5, c, heading[c]);
        }
        ws.value(6, 0, "产出指标");
        ws.value(6, 1, "数量指标");
        ws.value(6, 2, "改造学校数量");
        ws.value(6, 3, "O1");
        ws.value(6, 5, "90");
        ws.value(7, 0, "效益指标");
        ws.value(7, 1, "社会效益指标");
        ws.value(7, 2, "防汛能力");
        ws.value(7, 3, "B2");
        ws.value(7, 8, "本年度未发生汛情");
        ws.value(8, 0, "自评得分：");
        ws.value(8, 1, "95");
        wb.finish();
        Submission s = WorkbookReader.read("e.xlsx", new ByteArrayInputStream(out.toByteArray()));
        FolderState.Stored st = intake.bind(s.items.get(0), "e.xlsx");
        assertNull(st.error(), st.error());
        assertEquals(FormItem.Kind.EVALUATION, st.kind());
        ProjectEvaluationInput e = mapper.treeToValue(st.json(), ProjectEvaluationInput.class);
        assertEquals(new BigDecimal("2000000"), e.budgetAmount());
        assertEquals(new BigDecimal("1900000"), e.paidAmount());
        assertEquals(new BigDecimal("95"), e.selfScore());
        assertEquals("90", e.indicators().get(0).actual());
        assertEquals(Boolean.TRUE, e.indicators().get(1).notApplicable());
        assertEquals("本年度未发生汛情", e.indicators().get(1).notApplicableReason());
        assertNotNull(e.recurrence());
    }

    @Test
    void labelsAreMatchedWithoutSpacesColonsAndUnits() {
        assertEquals("budgetAmount", Labels.header(" 年度资金总额（万元）："));
        assertEquals("name", Labels.header("项目名称:"));
        assertTrue(Labels.tenThousands("年度资金总额 ( 万元 )"));
        assertEquals("target.reviews", Labels.header("target.reviews"));
        assertNull(Labels.header("改造学校数量"));
        assertEquals("AA", Submission.columnName(26));
    }
}
