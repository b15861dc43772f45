package org.perflink.host.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.perflink.host.files.internal.FormWriter;

/**
 * Contract items (host-api-v1.md JSON) written as the files the drop folder reads (docs/host-files.md): the demo's
 * workbooks, the sample in docs/, tests. {@code phase} is the form's 报送阶段, the event it implies; null writes 无
 * (data only, the event comes from an events CSV).
 */
public final class FormWorkbooks {

    private FormWorkbooks() {
    }

    /** 项目支出绩效目标申报表: one project per sheet. */
    public static void declaration(OutputStream out, List<JsonNode> projects, String phase) throws IOException {
        FormWriter.declaration(out, projects, phase);
    }

    /** 项目支出绩效自评表: one evaluation input per sheet; the projects give the indicators' names and levels. */
    public static void selfEvaluation(OutputStream out, List<JsonNode> evaluations, Map<String, JsonNode> projects,
            String phase) throws IOException {
        FormWriter.selfEvaluation(out, evaluations, projects, phase);
    }

    /** Execution snapshots (one line per indicator). */
    public static String executionCsv(List<JsonNode> snapshots) {
        return FormWriter.executionCsv(snapshots);
    }

    /** Department inputs, evaluators or notice feedback, with the contract's field names as columns. */
    public static String itemsCsv(List<JsonNode> items) {
        return FormWriter.itemsCsv(items);
    }

    /** Stage events: 阶段, 环节, 年度, 截止日期, 项目编码, 发生时间. */
    public static String eventsCsv(List<JsonNode> events) {
        return FormWriter.eventsCsv(events);
    }
}
