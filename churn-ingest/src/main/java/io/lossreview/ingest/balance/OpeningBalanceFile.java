package io.lossreview.ingest.balance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Money;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses an opening balance: the subscriptions active on one day, as a billing system exports them, in
 * CSV with a header or as NDJSON (one JSON object per line), with the columns customerId, subscriptionId,
 * mrr, currency and optionally seats, plan, segment and region. Every bad cell is reported (line and
 * column, the rule), and nothing is loaded from a file with one.
 */
public final class OpeningBalanceFile {

    /** One active subscription of the balance. */
    public record Line(String customerId, String subscriptionId, Money mrr, int seats, String plan, Segment segment,
                       String region) {
    }

    public static final List<String> REQUIRED = List.of("customerId", "subscriptionId", "mrr", "currency");
    public static final List<String> OPTIONAL = List.of("seats", "plan", "segment", "region");
    /** An MRR as the ledger holds it (numeric(20,4)), written plainly. */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,16}(\\.[0-9]{1,4})?");
    private static final int MAX_ID = 128;
    private static final int MAX_NAME = 256;
    private static final int MAX_VIOLATIONS = 200;
    private static final CsvMapper CSV = new CsvMapper();

    private OpeningBalanceFile() {
    }

    public static List<Line> parseCsv(String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(withoutBom(csv))) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            violations.add(new InvalidInput.Violation("body", "csv", "Not a CSV with a header line of "
                    + String.join(",", REQUIRED) + " (and optionally " + String.join(",", OPTIONAL) + "): "
                    + InputGuard.safe(e.getMessage(), 200)));
        }
        return lines(rows, 2, violations);
    }

    /** Spreadsheet exports often start with a byte order mark, which is no part of the first column's name. */
    private static String withoutBom(String text) {
        return text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static List<Line> parseNdjson(String ndjson, ObjectMapper strictReader) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        String[] texts = withoutBom(ndjson).split("\r?\n", -1);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isBlank()) {
                rows.add(null); // keeps the line numbers; skipped below
                continue;
            }
            try {
                JsonNode node = strictReader.readTree(texts[i]);
                if (!node.isObject()) {
                    violations.add(new InvalidInput.Violation("line " + (i + 1), "type", "each line must be a JSON object"));
                    rows.add(null);
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                node.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                rows.add(row);
            } catch (JsonProcessingException e) {
                violations.add(new InvalidInput.Violation("line " + (i + 1), "json", "not a JSON object: "
                        + InputGuard.safe(e.getOriginalMessage(), 200)));
                rows.add(null);
            }
        }
        return lines(rows, 1, violations);
    }

    private static List<Line> lines(List<Map<String, String>> rows, int firstLine, List<InvalidInput.Violation> violations) {
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row == null) {
                continue;
            }
            Line line = line(row, "line " + (firstLine + i) + " ", violations);
            if (line != null && !seen.add(line.customerId() + "\u0000" + line.subscriptionId())) {
                violations.add(new InvalidInput.Violation("line " + (firstLine + i) + " subscriptionId", "unique",
                        "subscription " + InputGuard.safe(line.subscriptionId(), 64) + " of customer "
                                + InputGuard.safe(line.customerId(), 64) + " is listed twice"));
            } else if (line != null) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() && violations.isEmpty()) {
            violations.add(new InvalidInput.Violation("body", "required", "No subscriptions: one line per active subscription"));
        }
        InvalidInput.throwIfAny(violations, MAX_VIOLATIONS);
        return lines;
    }

    private static Line line(Map<String, String> row, String at, List<InvalidInput.Violation> violations) {
        int before = violations.size();
        Map<String, String> cells = new HashMap<>();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String column = cell.getKey();
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                violations.add(new InvalidInput.Violation(at + InputGuard.safe(column, 64), "unknown-column",
                        "unknown column; the columns are " + String.join(", ", REQUIRED) + " and optionally "
                                + String.join(", ", OPTIONAL)));
                continue;
            }
            String value = cell.getValue() == null ? "" : cell.getValue().strip();
            Violation text = InputGuard.text(value, "/" + column);
            if (text != null) {
                violations.add(new InvalidInput.Violation(at + column, text.rule(), text.message()));
            } else if (!value.isEmpty()) {
                cells.put(column, value);
            }
        }
        for (String column : REQUIRED) {
            if (!cells.containsKey(column) && violations.size() == before) {
                violations.add(new InvalidInput.Violation(at + column, "required", column + " is required"));
            }
        }
        if (violations.size() > before) {
            return null;
        }
        String customer = bounded(cells.get("customerId"), MAX_ID, at + "customerId", violations);
        String subscription = bounded(cells.get("subscriptionId"), MAX_ID, at + "subscriptionId", violations);
        String plan = bounded(cells.get("plan"), MAX_NAME, at + "plan", violations);
        String region = bounded(cells.get("region"), MAX_NAME, at + "region", violations);
        String amount = cells.get("mrr");
        if (!AMOUNT.matcher(amount).matches()) {
            violations.add(new InvalidInput.Violation(at + "mrr", "pattern", "mrr must be a plain decimal of at most 16"
                    + " digits before the point and 4 after, got " + InputGuard.safe(amount, 64)));
        }
        String currency = cells.get("currency").toUpperCase(java.util.Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            violations.add(new InvalidInput.Violation(at + "currency", "currency", InputGuard.safe(currency, 64)
                    + " is not an ISO 4217 code"));
        }
        int seats = 1;
        if (cells.containsKey("seats")) {
            try {
                seats = Integer.parseInt(cells.get("seats"));
                if (seats < 0 || seats > 1_000_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                violations.add(new InvalidInput.Violation(at + "seats", "range", "seats must be a whole number from 0 to"
                        + " 1000000, got " + InputGuard.safe(cells.get("seats"), 64)));
            }
        }
        Segment segment = null;
        if (cells.containsKey("segment")) {
            try {
                segment = Segment.valueOf(cells.get("segment").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new InvalidInput.Violation(at + "segment", "enum", "segment must be one of "
                        + Arrays.toString(Segment.values()) + ", got " + InputGuard.safe(cells.get("segment"), 64)));
            }
        }
        if (violations.size() > before) {
            return null;
        }
        return new Line(customer, subscription, new Money(new BigDecimal(amount), currency), seats, plan, segment, region);
    }

    private static String bounded(String value, int max, String field, List<InvalidInput.Violation> violations) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            violations.add(new InvalidInput.Violation(field, "maxLength", "at most " + max + " characters"));
        }
        return value;
    }
}
