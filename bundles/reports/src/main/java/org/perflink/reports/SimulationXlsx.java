package org.perflink.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A simulation as an xlsx workbook: the rows of {@link SimulationCsv} (same order, same cells) under Chinese column
 * names, amounts and ratios as numbers, the row type in Chinese; text guarded against formulas as in the CSV.
 */
public final class SimulationXlsx {

    /** The column names, in {@link SimulationCsv#COLUMNS}' order. */
    public static final List<String> COLUMNS_ZH = List.of("地区", "年度", "现行规则包", "候选规则包", "类型",
            "编码", "名称", "部门编码", "范围", "调整前等级", "调整后等级", "调整前措施", "调整后措施",
            "调整前比例", "调整后比例", "调整前金额(元)", "调整后金额(元)", "变化(元)",
            "调整前通知", "调整后通知", "说明");

    private static final Map<String, String> TYPES_ZH = Map.of("PROJECT", "项目", "DEPARTMENT", "部门",
            "TOTAL", "合计", "SKIPPED", "跳过", "REJECTED", "不可模拟");
    private static final int TYPE_COLUMN = SimulationCsv.COLUMNS.indexOf("type");

    private SimulationXlsx() {
    }

    /** The simulation as one sheet. */
    public static SheetTable sheet(HostSimulation.Result r) {
        SheetTable.Builder sheet = SheetTable.named("模拟 simulation", COLUMNS_ZH);
        for (Object[] cells : SimulationCsv.rows(r)) {
            Object[] row = Arrays.copyOf(cells, cells.length);
            row[TYPE_COLUMN] = TYPES_ZH.getOrDefault(String.valueOf(row[TYPE_COLUMN]), String.valueOf(row[TYPE_COLUMN]));
            sheet.row(row);
        }
        return sheet.build();
    }

    public static void write(HostSimulation.Result r, OutputStream out) throws IOException {
        Xlsx.write(List.of(sheet(r)), out);
    }
}
