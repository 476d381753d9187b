package io.lossreview.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.ContractJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Records that must never stop a consumer, built around one valid structured CloudEvent: NUL
 * bytes raw and escaped in every text field, invalid UTF-8, unpaired surrogates, tombstones, empty
 * values, headers-only binary records, deep nesting, huge numbers, duplicate keys, wrong types,
 * a wrong specversion and an unknown type. Each has a name saying what it is, for failure messages.
 */
public final class HostileRecords {

    /** One hostile record and what it is. */
    public record Hostile(String what, ProducerRecord<byte[], byte[]> record) {
    }

    private HostileRecords() {
    }

    public static List<Hostile> around(String topic, String key, String validEvent) {
        ObjectNode valid = (ObjectNode) read(validEvent);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        List<Hostile> out = new ArrayList<>();
        out.add(structured("a lone NUL byte", topic, k, new byte[] {0}));
        out.add(structured("random bytes", topic, k, new byte[] {(byte) 0xff, 0x00, 0x13, (byte) 0x80, 0x7b, 0x22}));
        out.add(new Hostile("a tombstone", new ProducerRecord<>(topic, k, null)));
        out.add(structured("an empty value", topic, k, new byte[0]));
        out.add(structured("truncated JSON", topic, k, validEvent.substring(0, validEvent.length() / 2).getBytes(StandardCharsets.UTF_8)));
        out.add(structured("deep nesting", topic, k, ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        out.add(structured("duplicate keys", topic, k, validEvent.replaceFirst("\\{", "{\"id\":\"dup-1\",")
                .getBytes(StandardCharsets.UTF_8)));
        out.add(structured("a JSON array", topic, k, ("[" + validEvent + "]").getBytes(StandardCharsets.UTF_8)));
        for (String field : textFields(valid, "")) {
            out.add(structured("escaped NUL in " + field, topic, k, with(valid, field, "x\u0000y")));
            out.add(structured("an unpaired surrogate in " + field, topic, k,
                    replaceBytes(with(valid, field, "x~SUR~y"), "~SUR~", bytes("\\ud800"))));
            out.add(structured("a raw NUL byte in " + field, topic, k, replaceBytes(with(valid, field, "x~NUL~y"), "~NUL~", new byte[] {0})));
            out.add(structured("invalid UTF-8 in " + field, topic, k,
                    replaceBytes(with(valid, field, "x~BAD~y"), "~BAD~", new byte[] {(byte) 0xc3, 0x28})));
        }
        ObjectNode hugeNumber = valid.deepCopy();
        ((ObjectNode) hugeNumber.get("data")).putRawValue("seats", new com.fasterxml.jackson.databind.util.RawValue("1e999999999"));
        out.add(structured("a huge number", topic, k, write(hugeNumber)));
        ObjectNode longNumber = valid.deepCopy();
        ((ObjectNode) longNumber.get("data")).putRawValue("seats", new com.fasterxml.jackson.databind.util.RawValue("9".repeat(5000)));
        out.add(structured("a 5,000-digit number", topic, k, write(longNumber)));
        out.add(structured("a huge string", topic, k, with(valid, "/data/customerId", "c".repeat(900_000))));
        ObjectNode wrongType = valid.deepCopy();
        wrongType.put("id", 42);
        out.add(structured("a number for the id", topic, k, write(wrongType)));
        out.add(structured("specversion 0.3", topic, k, with(valid, "/specversion", "0.3")));
        out.add(structured("an unknown type", topic, k, with(valid, "/type", "com.example.unknown")));
        out.add(structured("data not an object", topic, k, write(valid.deepCopy().put("data", "text"))));
        ProducerRecord<byte[], byte[]> headersOnly = new ProducerRecord<>(topic, k, new byte[0]);
        headersOnly.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
        headersOnly.headers().add(new RecordHeader("ce_id", bytes("headers-only-" + System.nanoTime())));
        headersOnly.headers().add(new RecordHeader("ce_source", bytes("/test/hostile")));
        headersOnly.headers().add(new RecordHeader("ce_type", bytes(valid.path("type").asText())));
        out.add(new Hostile("a headers-only binary record", headersOnly));
        ProducerRecord<byte[], byte[]> badHeader = new ProducerRecord<>(topic, k, write(valid.get("data")));
        badHeader.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
        badHeader.headers().add(new RecordHeader("ce_id", new byte[] {'a', 0, 'b'}));
        badHeader.headers().add(new RecordHeader("ce_source", new byte[] {(byte) 0xc3, 0x28}));
        badHeader.headers().add(new RecordHeader("ce_type", bytes(valid.path("type").asText())));
        out.add(new Hostile("binary mode with NUL and invalid UTF-8 in its headers", badHeader));
        return out;
    }

    /** JSON pointers of every text value of the event. */
    static List<String> textFields(JsonNode node, String pointer) {
        List<String> found = new ArrayList<>();
        if (node.isTextual()) {
            found.add(pointer);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                found.addAll(textFields(f.getValue(), pointer + "/" + f.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(textFields(node.get(i), pointer + "/" + i));
            }
        }
        return found;
    }

    private static byte[] with(ObjectNode event, String pointer, String value) {
        return write(set(event.deepCopy(), pointer, com.fasterxml.jackson.databind.node.TextNode.valueOf(value)));
    }

    /** Sets the value at the pointer (its parent must exist) and returns the event. */
    static ObjectNode set(ObjectNode event, String pointer, JsonNode value) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? event : event.at(parent);
        if (container.isArray()) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) container).set(Integer.parseInt(name), value);
        } else {
            ((ObjectNode) container).set(name, value);
        }
        return event;
    }

    /** The JSON with its first marker replaced by bytes that JSON text could not hold. */
    static byte[] replaceBytes(byte[] json, String marker, byte[] replacement) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Hostile structured(String what, String topic, byte[] key, byte[] value) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, key, value);
        r.headers().add(new RecordHeader("content-type", bytes("application/cloudevents+json")));
        return new Hostile(what, r);
    }

    static JsonNode read(String json) {
        try {
            return ContractJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return ContractJson.mapper().writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
