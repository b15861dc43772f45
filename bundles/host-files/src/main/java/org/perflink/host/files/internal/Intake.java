package org.perflink.host.files.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.perflink.api.model.DepartmentEvaluationInput;
import org.perflink.api.model.Evaluator;
import org.perflink.api.model.ExecutionSnapshot;
import org.perflink.api.model.NoticeFeedback;
import org.perflink.api.model.Project;
import org.perflink.api.model.ProjectEvaluationInput;
import org.perflink.api.model.StageEvent;
import org.perflink.api.model.Subregion;
import org.perflink.host.http.HostJson;

/**
 * Turns a {@link Submission} into stored items and stage events: each item is bound to the contract's record with
 * the contract's mapper (so files and HTTP read the same way); an item that does not bind, or had a cell that could
 * not be read, is kept as refused, naming that cell. Events: the file's own (an events CSV), else those its forms
 * imply (docs/host-files.md): a 申报表 COMPILE/报送阶段 (default DECLARED) for its projects, a 自评表 CLOSE/EVALUATE.
 */
final class Intake {

    private final ObjectMapper mapper;
    private final String regionCode;

    Intake(ObjectMapper mapper, String regionCode) {
        this.mapper = mapper;
        this.regionCode = regionCode;
    }

    static Class<?> type(FormItem.Kind kind) {
        return switch (kind) {
            case PROJECT -> Project.class;
            case EVALUATION -> ProjectEvaluationInput.class;
            case EXECUTION -> ExecutionSnapshot.class;
            case DEPARTMENT -> DepartmentEvaluationInput.class;
            case EVALUATOR -> Evaluator.class;
            case FEEDBACK -> NoticeFeedback.class;
            case SUBREGION -> Subregion.class;
        };
    }

    FolderState.Stored bind(FormItem item, String doneFile) {
        if (item.kind == FormItem.Kind.PROJECT) {
            if (!item.json.has("regionCode")) {
                item.json.put("regionCode", regionCode);
            }
            if (!item.json.has("revision")) {
                item.json.put("revision", 1);
            }
            for (String flag : List.of("isNew", "isMajor")) {
                if (!item.json.has(flag)) {
                    item.json.put(flag, false); // a form without the row: not new, not major
                }
            }
        }
        String key = item.key();
        // a subregion's year is the budget year its baseline is for (the v1.1 pull selects by it)
        String yearField = item.kind == FormItem.Kind.SUBREGION ? "budgetYear" : "year";
        Integer year = item.json.path(yearField).canConvertToInt() ? item.json.path(yearField).asInt() : null;
        String asOf = item.kind == FormItem.Kind.EXECUTION ? item.json.path("asOf").asText(null) : null;
        long revision = item.json.path("revision").asLong(0);
        Map<String, String> cells = new LinkedHashMap<>(item.cells);
        if (item.unreadableCell != null) {
            return new FolderState.Stored(item.kind, key, year, asOf, doneFile, revision, null, item.unreadableCell,
                    "单元格无法读取 (cell unreadable): " + item.unreadableReason, cells);
        }
        boolean yearly = item.kind != FormItem.Kind.EVALUATOR && item.kind != FormItem.Kind.FEEDBACK;
        if (yearly && year == null) {
            return new FolderState.Stored(item.kind, key, null, asOf, doneFile, revision, null,
                    item.json.has(yearField) ? item.cellOf(yearField) : item.origin,
                    "未填写有效的年度 (" + yearField + " missing or not a number)", cells);
        }
        try {
            Object value = mapper.treeToValue(item.json, type(item.kind));
            // the bounds HTTP items are held to (negative or absurd amounts, scores above 100, oversized codes)
            String[] out = HostJson.outOfBounds(value);
            if (out != null) {
                return new FolderState.Stored(item.kind, key, year, asOf, doneFile, revision, null, item.cellOf(out[0]),
                        "超出接口契约范围 (out of the contract's bounds) at '" + out[0] + "': " + out[1], cells);
            }
            return new FolderState.Stored(item.kind, key, year, asOf, doneFile, revision, item.json, null, null, cells);
        } catch (JsonProcessingException e) {
            String path = pathOf(e);
            return new FolderState.Stored(item.kind, key, year, asOf, doneFile, revision, null, item.cellOf(path),
                    "不符合接口契约 (does not match the contract) at '" + path + "': " + e.getOriginalMessage(), cells);
        }
    }

    /** The events a submission states or implies, still without seq and eventId; bad ones become problems. */
    List<ObjectNode> events(Submission s, List<FolderState.Stored> stored, OffsetDateTime fileTime) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode e : s.events) {
            int line = e.path("_line").asInt();
            e.remove("_line");
            e.put("regionCode", regionCode);
            if (!e.has("occurredAt")) {
                e.put("occurredAt", fileTime.toString());
            }
            if (check(s, e, "文件 " + s.file + " 第" + line + "行")) {
                out.add(e);
            }
        }
        // implied: per form, phase and year, in the file's order
        Map<String, ObjectNode> implied = new LinkedHashMap<>();
        for (int i = 0; i < s.items.size(); i++) {
            FormItem item = s.items.get(i);
            FolderState.Stored st = stored.get(i);
            if (st.key() == null || st.year() == null || "NONE".equals(item.phase)
                    || (item.kind != FormItem.Kind.PROJECT && item.kind != FormItem.Kind.EVALUATION)) {
                continue;
            }
            boolean compile = item.kind == FormItem.Kind.PROJECT;
            String phase = item.phase != null ? item.phase : compile ? "DECLARED" : "EVALUATE";
            ObjectNode e = implied.computeIfAbsent(phase + "|" + st.year(), k -> {
                ObjectNode n = mapper.createObjectNode();
                n.put("regionCode", regionCode);
                n.put("year", st.year());
                n.put("stage", compile ? "COMPILE" : "CLOSE");
                n.put("phase", phase);
                n.putArray("projectCodes");
                n.put("occurredAt", fileTime.toString());
                return n;
            });
            ((com.fasterxml.jackson.databind.node.ArrayNode) e.get("projectCodes")).add(st.key());
        }
        for (ObjectNode e : implied.values()) {
            if (check(s, e, "文件 " + s.file)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean check(Submission s, ObjectNode e, String where) {
        ObjectNode probe = e.deepCopy();
        probe.put("seq", 0);
        probe.put("eventId", "probe");
        try {
            StageEvent event = mapper.treeToValue(probe, StageEvent.class);
            if (event.stage() == null || event.phase() == null || event.year() == 0) {
                s.problems.add(new Submission.Problem(where, "阶段、环节和年度均须填写 (stage, phase and year are required)"));
                return false;
            }
            if (event.phase().stage() != event.stage()) {
                s.problems.add(new Submission.Problem(where, "环节 " + event.phase() + " 不属于阶段 " + event.stage()
                        + " (the phase is not of that stage)"));
                return false;
            }
            return true;
        } catch (JsonProcessingException ex) {
            s.problems.add(new Submission.Problem(where, "阶段事件无法识别 (stage event not readable) at '" + pathOf(ex)
                    + "': " + ex.getOriginalMessage()));
            return false;
        }
    }

    static String pathOf(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return path.toString();
    }

    /** An item's JSON bound again for a pull. */
    <T> T value(JsonNode json, Class<T> type) throws JsonProcessingException {
        return mapper.treeToValue(json, type);
    }
}
