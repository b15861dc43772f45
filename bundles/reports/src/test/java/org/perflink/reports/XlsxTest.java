package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The xlsx writer, read back with fastexcel's reader. */
class XlsxTest {

    private static List<List<Row>> readBack(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().map(sheet -> {
                try {
                    return sheet.read();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    private static byte[] write(SheetTable... sheets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(List.of(sheets), out);
        return out.toByteArray();
    }

    @Test
    void headerNumbersAndTextComeBackAsWritten() throws IOException {
        SheetTable results = SheetTable.named("最新结果", List.of("项目编码", "项目名称", "得分", "金额(元)", "序号"))
                .row("440000-2027-000123", "教育信息化建设", new BigDecimal("87.50"), new BigDecimal("-262500.00"), 7L)
                .row("440000-2027-000124", null, null, new BigDecimal("0"), 8)
                .build();
        List<List<Row>> sheets = readBack(write(results));
        assertEquals(1, sheets.size());
        List<Row> rows = sheets.get(0);
        assertEquals(List.of("项目编码", "项目名称", "得分", "金额(元)", "序号"), rows.get(0).stream().map(c -> c.getText()).toList());
        Row first = rows.get(1);
        assertEquals(CellType.STRING, first.getCell(0).getType());
        assertEquals("教育信息化建设", first.getCellText(1));
        assertEquals(CellType.NUMBER, first.getCell(2).getType());
        assertEquals(0, new BigDecimal("87.50").compareTo(first.getCell(2).asNumber()));
        assertEquals(0, new BigDecimal("-262500.00").compareTo(first.getCell(3).asNumber()));
        assertEquals(0, new BigDecimal("7").compareTo(first.getCell(4).asNumber()));
        Row second = rows.get(2);
        assertTrue(second.getOptionalCell(1).map(c -> c.getType() == CellType.EMPTY).orElse(true), "null is empty");
        assertEquals(3, rows.size());
    }

    @Test
    void textThatLooksLikeAFormulaIsGuardedAsInTheCsv() throws IOException {
        SheetTable sheet = SheetTable.named("死信", List.of("原因", "金额"))
                .row("=HYPERLINK(\"http://x\")", new BigDecimal("-1"))
                .row("-1", null)
                .row("@SUM(A1)", null)
                .row("+86 20", null)
                .build();
        List<Row> rows = readBack(write(sheet)).get(0);
        assertEquals("'=HYPERLINK(\"http://x\")", rows.get(1).getCellText(0));
        assertEquals(CellType.STRING, rows.get(1).getCell(0).getType());
        assertEquals(CellType.NUMBER, rows.get(1).getCell(1).getType(), "a negative number is a number, not guarded");
        assertEquals("'-1", rows.get(2).getCellText(0));
        assertEquals("'@SUM(A1)", rows.get(3).getCellText(0));
        assertEquals("'+86 20", rows.get(4).getCellText(0));
        for (Row row : rows) {
            row.forEach(c -> assertEquals(null, c == null ? null : c.getFormula(), "no formula cell"));
        }
    }

    @Test
    void severalSheetsKeepTheirOrder() throws IOException {
        byte[] xlsx = write(SheetTable.named("甲", List.of("a")).row("1").build(),
                SheetTable.named("乙", List.of("b")).row(2).build());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("甲", "乙"), workbook.getSheets().map(s -> s.getName()).toList());
        }
    }

    @Test
    void badSheetsAreRefusedNamingTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> SheetTable.named("a/b", List.of("x")).build());
        assertTrue(e.getMessage().contains("sheet name"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SheetTable.named("ok", List.of("x", "y")).row("1").build());
        assertTrue(e.getMessage().contains("1 cells for 2 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Xlsx.write(List.of(), new ByteArrayOutputStream()));
    }

    @Test
    void theGuardLeavesOrdinaryTextAlone() {
        assertEquals("公园", SpreadsheetText.guarded("公园"));
        assertEquals("", SpreadsheetText.guarded(""));
        assertEquals(null, SpreadsheetText.guarded(null));
        assertEquals("'\tx", SpreadsheetText.guarded("\tx"));
    }
}
