package io.lossreview.gateway.routes.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A list answer of the API as a CSV table (RFC 4180): one row per item, one column per field, nested
 * objects flattened with dotted names (vsPriorMonth.arrLost), lists left out (a cell holds one value).
 * Money stays a plain decimal (12.50, -3.00). A text cell a spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return) is neutralised with a leading apostrophe; a number is not text.
 */
public final class CsvTable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final String CRLF = "\r\n";

    private CsvTable() {
    }

    /**
     * @param json      the JSON answer
     * @param rowsField the field holding the rows, or empty when the answer is the list itself
     */
    public static String of(String json, String rowsField) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON answer", e);
        }
        JsonNode rows = rowsField.isEmpty() ? root : root.path(rowsField);
        List<Map<String, JsonNode>> flat = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            Map<String, JsonNode> cells = new LinkedHashMap<>();
            flatten("", row, cells);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(CsvTable::quoted).toList())).append(CRLF);
        for (Map<String, JsonNode> cells : flat) {
            List<String> line = new ArrayList<>(columns.size());
            for (String column : columns) {
                line.add(cell(cells.get(column)));
            }
            csv.append(String.join(",", line)).append(CRLF);
        }
        return csv.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> cells) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), cells));
        } else if (!node.isArray()) {
            cells.put(prefix.isEmpty() ? "value" : prefix, node);
        }
    }

    private static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        String text = value.asText();
        if (PLAIN_NUMBER.matcher(text).matches()) {
            return new BigDecimal(text).toPlainString(); // a decimal string (money, shares): a number, not a formula
        }
        return quoted(neutralised(text));
    }

    /** A cell a spreadsheet would evaluate becomes plain text. */
    static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String quoted(String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
