package io.lossreview.gateway.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejected events as ops see them: the payload as received, with every e-mail address and phone
 * number masked, since a rejected record can carry contacts anywhere (in any field, in malformed
 * JSON, in a header). Field names that say e-mail or phone mask their values whatever they hold; an
 * e-mail address is masked wherever it stands; a payload that is no JSON has its e-mail addresses
 * and long digit runs masked; a payload that is no text at all (base64) is withheld. Only admins see
 * the raw record, and that read is audited.
 */
public final class RejectedEventMasking {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** In text that is no JSON: a run of 7 or more digits, maybe split by spaces, dots, dashes or brackets. */
    private static final Pattern DIGITS = Pattern.compile("\\+?\\(?\\d(?:[\\s().-]*\\d){6,}");
    private static final Pattern PHONE_FIELD = Pattern.compile("(?i).*(phone|mobile|tel|fax).*");
    private static final Pattern EMAIL_FIELD = Pattern.compile("(?i).*e-?mail.*");

    private RejectedEventMasking() {
    }

    /** The listing (any JSON shape) with every rejected record's payload, key and headers masked. */
    public static JsonNode mask(JsonNode listing, ObjectMapper mapper) {
        walk(listing, mapper);
        return listing;
    }

    private static void walk(JsonNode node, ObjectMapper mapper) {
        if (node.isArray()) {
            node.forEach(n -> walk(n, mapper));
        } else if (node instanceof ObjectNode record) {
            if (record.has("payload") || record.has("payloadBase64")) {
                maskRecord(record, mapper);
            } else {
                record.forEach(n -> walk(n, mapper));
            }
        }
    }

    private static void maskRecord(ObjectNode record, ObjectMapper mapper) {
        JsonNode payload = record.get("payload");
        if (payload != null && payload.isTextual()) {
            record.put("payload", maskPayload(payload.asText(), mapper));
        }
        if (record.hasNonNull("payloadBase64")) {
            record.putNull("payloadBase64");
            record.put("payloadWithheld", "not text: only admins see the raw bytes");
        }
        if (record.hasNonNull("key")) {
            record.put("key", maskText(record.get("key").asText()));
        }
        record.remove("keyBase64");
        JsonNode headers = record.get("headers");
        if (headers != null && headers.isArray()) {
            for (JsonNode h : headers) {
                if (h instanceof ObjectNode header) {
                    if (header.hasNonNull("value")) {
                        header.put("value", maskText(header.get("value").asText()));
                    }
                    header.remove("valueBase64");
                }
            }
        }
    }

    static String maskPayload(String payload, ObjectMapper mapper) {
        try {
            JsonNode tree = mapper.readTree(payload);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                maskJson(tree, null);
                return mapper.writeValueAsString(tree);
            }
        } catch (JsonProcessingException e) {
            // not JSON: masked as text below
        }
        return maskText(payload);
    }

    private static void maskJson(JsonNode node, String field) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (masks(f.getKey(), f.getValue())) {
                    f.setValue(TextNode.valueOf(maskValue(f.getKey(), f.getValue().asText())));
                } else if (f.getValue().isContainerNode()) {
                    maskJson(f.getValue(), f.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (masks(field, item)) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(maskValue(field, item.asText())));
                } else if (item.isContainerNode()) {
                    maskJson(item, field);
                }
            }
        }
    }

    /** Texts are masked (e-mail addresses in them at least); numbers only in a phone field (kept as numbers elsewhere). */
    private static boolean masks(String field, JsonNode value) {
        return value.isTextual() || value.isNumber() && field != null && PHONE_FIELD.matcher(field).matches();
    }

    private static String maskValue(String field, String value) {
        if (field != null && EMAIL_FIELD.matcher(field).matches()) {
            return ContactMasking.email(value);
        }
        if (field != null && PHONE_FIELD.matcher(field).matches()) {
            return ContactMasking.phone(value);
        }
        return maskEmails(value);
    }

    static String maskText(String text) {
        Matcher digits = DIGITS.matcher(maskEmails(text));
        return digits.replaceAll(m -> Matcher.quoteReplacement(ContactMasking.phone(m.group())));
    }

    private static String maskEmails(String text) {
        return EMAIL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(ContactMasking.email(m.group())));
    }
}
