package io.lossreview.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What any JSON input must be before a service looks further, so that nothing one service accepts
 * is refused by another (PostgreSQL refuses NUL in text and jsonb, unpaired surrogates and invalid
 * UTF-8 cannot be stored exactly) and nothing can make a reader spend unbounded memory or time:
 * valid UTF-8, no duplicate keys, at most {@link #MAX_DEPTH} levels, no C0 control character but tab,
 * CR and LF in any string or field name, no unpaired surrogate, and finite numbers of bounded size.
 */
public final class InputGuard {

    /** Deeper documents are refused while parsing: no contract nests anywhere near this. */
    public static final int MAX_DEPTH = 32;
    /** Longest number literal read; a money amount or count never needs more. */
    public static final int MAX_NUMBER_CHARS = 64;
    /** A decimal's scale must be within this (so 1e999999999 is never expanded). */
    public static final int MAX_SCALE = 64;
    /** Violations reported for one document: the first ones say enough. */
    public static final int MAX_VIOLATIONS = 20;

    private InputGuard() {
    }

    /**
     * A reading copy of the mapper that refuses duplicate keys and deep or long-number documents
     * while parsing (Jackson's own limits), so a hostile document fails fast, before a tree exists.
     */
    public static ObjectMapper strictReader(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_CHARS).build());
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return strict;
    }

    /** A document read under the rules; json is null when it could not be parsed, and is to be used only when ok(). */
    public record Parsed(JsonNode json, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /**
     * Reads bytes as one JSON document under every rule here, with a reader from {@link #strictReader}:
     * size, UTF-8, syntax, duplicate keys, depth, then every string and number of the tree.
     */
    public static Parsed parse(byte[] bytes, ObjectMapper strictReader, int maxBytes) {
        if (bytes.length > maxBytes) {
            return refused(new Violation("", "payload-size",
                    "The payload has " + bytes.length + " bytes; at most " + maxBytes + " are accepted"));
        }
        if (bytes.length == 0) {
            return refused(new Violation("", "json", "The payload is empty"));
        }
        Violation encoding = utf8(bytes, "");
        if (encoding != null) {
            return refused(encoding);
        }
        JsonNode json;
        try {
            json = strictReader.readTree(bytes);
        } catch (java.io.IOException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return refused(new Violation("", "json", "The payload is not JSON: " + safe(reason, 512)));
        }
        if (json == null || json.isMissingNode()) {
            return refused(new Violation("", "json", "The payload is empty"));
        }
        List<Violation> found = check(json);
        return new Parsed(json, found); // the tree too: what can be read of it names the refused event
    }

    private static Parsed refused(Violation v) {
        return new Parsed(null, List.of(v));
    }

    /**
     * Null if the bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
     * above U+10FFFF), else where and why they are not. A loop rather than a CharsetDecoder: it runs
     * for every record and allocates nothing.
     */
    public static Violation utf8(byte[] bytes, String pointer) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return badUtf8(pointer, i);
            }
            if (i + need >= n) {
                return badUtf8(pointer, i);
            }
            int cp = b & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return badUtf8(pointer, i);
                }
                cp = cp << 6 | c & 0x3f;
            }
            if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff) {
                return badUtf8(pointer, i);
            }
            i += need + 1;
        }
        return null;
    }

    private static Violation badUtf8(String pointer, int at) {
        return new Violation(pointer, "utf-8", "The bytes are not valid UTF-8 (at byte " + at + ")");
    }

    /** Every string, field name and number of the tree that breaks the rules, at most {@link #MAX_VIOLATIONS}. */
    public static List<Violation> check(JsonNode node) {
        List<Violation> found = new ArrayList<>();
        walk(node, "", found);
        return found;
    }

    /** The violation of one text value, or null; pointer names where it is. */
    public static Violation text(String value, String pointer) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return new Violation(pointer, "control-character", String.format(
                        "Control character U+%04X at index %d is not allowed (only tab, CR and LF are)", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return new Violation(pointer, "unpaired-surrogate", String.format(
                        "Unpaired surrogate U+%04X at index %d is not a character", (int) c, i));
            }
        }
        return null;
    }

    /**
     * The text with every character {@link #text} refuses replaced by U+FFFD and cut to at most
     * maxChars: what may be stored in a text column or written to a log, whatever came in.
     */
    public static String safe(String value, int maxChars) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxChars));
        for (int i = 0; i < value.length() && out.length() < maxChars; i++) {
            char c = value.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pairStart) {
                if (out.length() + 2 > maxChars) {
                    break;
                }
                out.append(c).append(value.charAt(++i));
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void walk(JsonNode node, String pointer, List<Violation> found) {
        if (found.size() >= MAX_VIOLATIONS) {
            return;
        }
        if (node.isTextual()) {
            add(found, text(node.textValue(), pointer));
        } else if (node.isNumber()) {
            add(found, number(node, pointer));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, found);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + escape(field.getKey());
                Violation name = text(field.getKey(), child);
                if (name != null) {
                    add(found, new Violation(safe(child, 256), name.rule(), "Field name: " + name.message()));
                } else {
                    walk(field.getValue(), child, found);
                }
            }
        }
    }

    private static Violation number(JsonNode node, String pointer) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return new Violation(pointer, "number-range", "The number is out of range");
        }
        if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue();
            if (Math.abs(d.scale()) > MAX_SCALE) {
                return new Violation(pointer, "number-range", "The number's exponent is out of range");
            }
        }
        return null;
    }

    private static void add(List<Violation> found, Violation v) {
        if (v != null && found.size() < MAX_VIOLATIONS) {
            found.add(v);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
