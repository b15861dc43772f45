package org.perflink.host.files.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item read from a form or a CSV (a project, an evaluation input, a snapshot …) as contract JSON, with the cell
 * each field came from, so that whatever cannot be bound or checked later names its sheet, row and column.
 */
final class FormItem {

    enum Kind { PROJECT, EVALUATION, EXECUTION, DEPARTMENT, EVALUATOR, FEEDBACK, SUBREGION }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    final Kind kind;
    /** Where the item as a whole is (a sheet, or a CSV's first line of it). */
    final String origin;
    final ObjectNode json = NODES.objectNode();
    /** Contract path → the cell it was read from. */
    final Map<String, String> cells = new LinkedHashMap<>();
    /** The first cell that could not be read at all, and why (the item is then refused naming it). */
    String unreadableCell;
    String unreadableReason;
    /** 报送阶段: the phase of the event the item implies; "NONE" for none, null for the form's default. */
    String phase;

    FormItem(Kind kind, String origin) {
        this.kind = kind;
        this.origin = origin;
    }

    String indicatorsPath() {
        return kind == Kind.PROJECT ? "target.indicators" : "indicators";
    }

    void unreadable(String cell, String reason) {
        if (unreadableCell == null) {
            unreadableCell = cell;
            unreadableReason = reason;
        }
    }

    /** A header field: its label's contract path, the cell's text, the label's own text (units) and the cell. */
    void header(String path, String text, String label, String cell) {
        switch (path) {
            case Labels.GROUP -> { }
            case Labels.PHASE -> {
                String p = text.trim();
                phase = p.equals("无") || p.equalsIgnoreCase("NONE") ? "NONE" : Values.word("phase", p);
            }
            case Labels.DEPARTMENT -> pair(Values.codeAndName(text), "departmentCode", "departmentName", cell);
            case Labels.UNIT -> pair(Values.codeAndName(text), "unitCode", "unitName", cell);
            default -> put(path, value(path, text, label, cell), cell);
        }
    }

    private void pair(String[] codeName, String codePath, String namePath, String cell) {
        if (codeName[0] != null) {
            put(codePath, NODES.textNode(codeName[0]), cell);
        }
        if (codeName[1] != null) {
            put(namePath, NODES.textNode(codeName[1]), cell);
        }
    }

    /** One indicator of the table (or one CSV row's indicator columns): field → text, field → cell. */
    void indicator(Map<String, String> fields, Map<String, String> fieldCells, boolean literal) {
        ArrayNode list = array(indicatorsPath());
        String base = indicatorsPath() + "[" + list.size() + "]";
        ObjectNode ind = list.addObject();
        String name = fields.get("name");
        String code = fields.getOrDefault("code", name);
        put(ind, base, "code", code, fieldCells.getOrDefault("code", fieldCells.get("name")));
        if (kind == Kind.PROJECT) {
            put(ind, base, "level1", word("level1", fields.get("level1")), fieldCells.get("level1"));
            put(ind, base, "level2", word("level2", fields.get("level2")), fieldCells.get("level2"));
            put(ind, base, "name", name, fieldCells.get("name"));
            String value = fields.get("value");
            String operator = word("operator", fields.get("operator"));
            String unit = fields.get("unit");
            String valueMax = fields.get("valueMax");
            String type = word("type", fields.get("type"));
            if (!literal && value != null && operator == null && unit == null) {
                // one text as the forms write it: ≥12所, ≤490万元, 10-15个
                String[] q = Values.quantity(value);
                if (q != null) {
                    operator = q[0];
                    value = q[1];
                    valueMax = q[2] != null ? q[2] : valueMax;
                    unit = q[3];
                }
                type = q != null ? "QUANTITATIVE" : "QUALITATIVE";
            } else if (type == null) {
                type = operator != null || unit != null ? "QUANTITATIVE" : "QUALITATIVE";
            }
            put(ind, base, "type", type, fieldCells.get("type"));
            put(ind, base, "operator", operator, fieldCells.getOrDefault("operator", fieldCells.get("value")));
            put(ind, base, "value", value, fieldCells.get("value"));
            put(ind, base, "valueMax", valueMax, fieldCells.getOrDefault("valueMax", fieldCells.get("value")));
            put(ind, base, "unit", unit, fieldCells.getOrDefault("unit", fieldCells.get("value")));
            put(ind, base, "valueSource", word("valueSource", fields.get("valueSource")), fieldCells.get("valueSource"));
            put(ind, base, "weight", fields.get("weight"), fieldCells.get("weight"));
        } else {
            put(ind, base, "actual", fields.get("actual"), fieldCells.get("actual"));
            String reason = fields.get("notApplicableReason");
            String notApplicable = fields.get("notApplicable");
            if (notApplicable != null) {
                Boolean yes = Values.yesNo(notApplicable);
                if (yes != null) {
                    ind.put("notApplicable", yes);
                } else {
                    ind.put("notApplicable", notApplicable); // refused by binding, naming the cell
                }
                cells.put(base + ".notApplicable", fieldCells.get("notApplicable"));
            } else if (reason != null) {
                ind.put("notApplicable", true); // a reason alone says it is not applicable
            }
            put(ind, base, "notApplicableReason", reason, fieldCells.get("notApplicableReason"));
        }
    }

    private static String word(String field, String text) {
        return text == null ? null : Values.word(field, text);
    }

    private void put(ObjectNode ind, String base, String field, String text, String cell) {
        if (text != null) {
            ind.put(field, text);
            cells.put(base + "." + field, cell);
        }
    }

    /** The JSON a header field's text becomes: money scaled, integers, booleans, vocabularies, JSON as it is. */
    private JsonNode value(String path, String text, String label, String cell) {
        String t = text.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return PLAIN.readTree(t);
            } catch (Exception e) {
                unreadable(cell, "不是有效的JSON (not valid JSON): " + e.getMessage().lines().findFirst().orElse(""));
                return NODES.textNode(t);
            }
        }
        if (Labels.MONEY.contains(path)) {
            try {
                BigDecimal amount = new BigDecimal(t.replaceAll("[,，\\s元]", ""));
                return NODES.textNode((Labels.tenThousands(label) ? amount.movePointRight(4) : amount).toPlainString());
            } catch (NumberFormatException e) {
                return NODES.textNode(t); // refused by binding, naming this cell
            }
        }
        if (Labels.INTEGER.contains(path) && t.matches("-?[0-9]+(\\.0+)?")) {
            return NODES.numberNode(Long.parseLong(t.replaceAll("\\.0+$", "")));
        }
        if (Labels.BOOLEAN.contains(path) && Values.yesNo(t) != null) {
            return NODES.booleanNode(Values.yesNo(t));
        }
        if (path.equals("functionCode") && t.matches("^[0-9]+.*")) {
            return NODES.textNode(t.replaceAll("^([0-9]+).*$", "$1"));
        }
        if (path.equals("kind") || path.equals("recurrence") || path.equals("budgetPhase") || path.equals("target.phase")) {
            return NODES.textNode(Values.word(path, t));
        }
        return NODES.textNode(text); // free text as written
    }

    /** Sets a dotted contract path, creating the objects on the way. */
    void put(String path, JsonNode value, String cell) {
        String[] parts = path.split("\\.");
        ObjectNode node = json;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
        cells.put(path, cell);
    }

    private ArrayNode array(String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = json;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        JsonNode a = node.get(parts[parts.length - 1]);
        return a instanceof ArrayNode arr ? arr : node.putArray(parts[parts.length - 1]);
    }

    /** The key of the item (projectCode, departmentCode …), null when the form did not give it. */
    String key() {
        String field = switch (kind) {
            case DEPARTMENT -> "departmentCode";
            case EVALUATOR -> "evaluatorId";
            case FEEDBACK -> "noticeId";
            case SUBREGION -> "regionCode"; // the lower region's code (the folder is the upper region's)
            default -> "projectCode";
        };
        JsonNode k = json.get(field);
        return k == null || k.asText().isBlank() ? null : k.asText();
    }

    /** The cell nearest to a contract path: itself, else its closest parent, else the item's origin. */
    String cellOf(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            String c = cells.get(p);
            if (c != null) {
                return c;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return origin;
    }
}
