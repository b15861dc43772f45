package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void chineseCharactersCountAsTwoColumnsSoColumnsLineUp() {
        String out = TextTable.of("代码 (code)", "名称 (name)", "n").alignRight(2)
                .row("440000", "广东省", 5)
                .row("440100", "Guangzhou", 12)
                .render();
        List<String> lines = out.lines().toList();
        assertEquals(4, lines.size(), out);
        // every separator sits at the same terminal column
        int col = TextTable.width(lines.get(0).substring(0, lines.get(0).indexOf(" | ")));
        for (String line : List.of(lines.get(0), lines.get(2), lines.get(3))) {
            assertEquals(col, TextTable.width(line.substring(0, line.indexOf(" | "))), out);
        }
        assertTrue(lines.get(1).startsWith("-----------"), out);
        assertTrue(lines.get(2).endsWith(" 5"), "right-aligned: " + out);
        assertEquals(6, TextTable.width("编制ab"));
    }

    @Test
    void wrapsLongCellsAtTheColumnWidthPreferringBlanks() {
        String out = TextTable.of("k", "reason").wrap(1, 10).row("a", "host refused the result").render();
        List<String> lines = out.lines().toList();
        assertEquals(List.of("k | reason", "--+-----------", "a | host", "  | refused", "  | the result"), lines);
        List<String> zh = TextTable.wrapLine("主机拒绝了该结果因为字段缺失", 8);
        assertEquals(List.of("主机拒绝", "了该结果", "因为字段", "缺失"), zh);
    }

    @Test
    void multiLineCellsNullCellsAndAbbreviation() {
        String out = TextTable.of("a", "b").row("x\ny", null).render();
        assertEquals(List.of("a | b", "--+--", "x | -", "y |"), out.lines().toList());
        assertEquals("连接超时…", TextTable.abbreviate("连接超时了很久", 9));
        assertEquals("short", TextTable.abbreviate("short", 9));
        assertEquals("a b", TextTable.abbreviate("a\nb", 9));
        assertThrows(IllegalArgumentException.class, () -> TextTable.of("a").row("1", "2"));
    }
}
