package org.perflink.host.files.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one dropped file holds: its items, the events it states (an events CSV) and the problems found while reading
 * it, each naming the place (sheet, row and column, or CSV line and column).
 */
final class Submission {

    /** The form a workbook sheet is: 绩效目标申报表 (compile) or 绩效自评表 (close). */
    enum Form { DECLARATION, SELF_EVALUATION }

    record Problem(String where, String message) {
    }

    final String file;
    final List<FormItem> items = new ArrayList<>();
    /** Stage events as contract JSON without seq/eventId (the folder numbers them). */
    final List<ObjectNode> events = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    Submission(String file) {
        this.file = file;
    }

    static String cell(String sheet, int row, int column) {
        String col = columnName(column);
        return "工作表「" + sheet + "」第" + row + "行" + col + "列 (" + col + row + ")";
    }

    static String csvCell(String file, int line, String column) {
        return "文件 " + file + " 第" + line + "行「" + column + "」列";
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    static String columnName(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column; c >= 0; c = c / 26 - 1) {
            s.insert(0, (char) ('A' + c % 26));
        }
        return s.toString();
    }
}
