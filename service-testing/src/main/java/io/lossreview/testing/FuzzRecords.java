package io.lossreview.testing;

import static io.lossreview.testing.HostileRecords.read;
import static io.lossreview.testing.HostileRecords.replaceBytes;
import static io.lossreview.testing.HostileRecords.set;
import static io.lossreview.testing.HostileRecords.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Random hostile records around a valid structured CloudEvent, from a seeded generator (a failure names its seed and record, and the same seed makes the same records). Each record
 * gets an id of its own ({@code fuzz-<seed>-<n>}) that no mutation touches, so a mutation that leaves
 * the event valid is applied under that id and can be told from one that is dead-lettered.
 */
public final class FuzzRecords {

    /** One generated record: what it is, its own id, and the record. */
    public record Fuzzed(String what, String id, ProducerRecord<byte[], byte[]> record) {
    }

    /** C0 controls but tab, LF and CR. */
    private static final String CONTROL = IntStream.range(0, 0x20).filter(c -> c != '\t' && c != '\n' && c != '\r')
            .mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
    private static final String TEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-_'!?/()éßü€中";
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private FuzzRecords() {
    }

    public static List<Fuzzed> generate(String topic, byte[] key, String validEvent, int count, long seed) {
        Random random = new Random(seed);
        ObjectNode template = (ObjectNode) read(validEvent);
        List<String> fields = HostileRecords.textFields(template, "").stream().filter(f -> !f.equals("/id")).toList();
        Supplier<Integer> strategy = () -> random.nextInt(13);
        Supplier<String> field = () -> fields.get(random.nextInt(fields.size()));
        Supplier<Character> control = () -> CONTROL.charAt(random.nextInt(CONTROL.length()));
        // Printable text with some non-ASCII; the hostile characters come from the strategies, on purpose.
        Supplier<String> text = () -> {
            StringBuilder t = new StringBuilder();
            for (int i = random.nextInt(41); i > 0; i--) {
                t.append(TEXT.charAt(random.nextInt(TEXT.length())));
            }
            return t.toString();
        };
        Supplier<byte[]> bytes = () -> {
            byte[] b = new byte[random.nextInt(401)];
            random.nextBytes(b);
            return b;
        };
        Supplier<Integer> depth = () -> 33 + random.nextInt(3000 - 33);
        Supplier<Integer> digits = () -> 65 + random.nextInt(3000 - 65);
        Supplier<Long> exponent = () -> 309 + (random.nextLong() & Long.MAX_VALUE) % (Long.MAX_VALUE - 309);
        List<Fuzzed> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String id = "fuzz-" + seed + "-" + n;
            ObjectNode event = template.deepCopy().put("id", id);
            String f = field.get();
            int s = strategy.get();
            String what;
            byte[] value;
            switch (s) {
                case 0 -> {
                    what = "random bytes";
                    value = bytes.get();
                }
                case 1 -> {
                    char c = control.get();
                    what = String.format("escaped U+%04X in %s", (int) c, f);
                    value = write(with(event, f, "a" + c + text.get()));
                }
                case 2 -> {
                    what = "a raw control byte in " + f;
                    value = replaceBytes(write(with(event, f, "a~X~b")), "~X~", new byte[] {(byte) (int) control.get()});
                }
                case 3 -> {
                    byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
                    what = "invalid UTF-8 in " + f;
                    value = replaceBytes(write(with(event, f, "a~X~b")), "~X~", bad);
                }
                case 4 -> {
                    byte[] whole = write(event);
                    int cut = random.nextInt(Math.max(1, whole.length - 1));
                    what = "truncated at byte " + cut;
                    value = java.util.Arrays.copyOf(whole, cut);
                }
                case 5 -> {
                    byte[] whole = write(event);
                    int from = new String(whole, StandardCharsets.UTF_8).indexOf("\"data\"");
                    int at = from + random.nextInt(whole.length - from);
                    whole[at] = (byte) random.nextInt(256);
                    what = "byte " + at + " of the data changed";
                    value = whole;
                }
                case 6 -> {
                    what = "another type for " + f;
                    value = write(set(event, f, otherType(random, text.get())));
                }
                case 7 -> {
                    int d = depth.get();
                    what = "nested " + d + " levels in /data";
                    ((ObjectNode) event.get("data")).putRawValue("nested", new RawValue("[".repeat(d) + "]".repeat(d)));
                    value = write(event);
                }
                case 8 -> {
                    boolean longDigits = random.nextBoolean();
                    String number = longDigits ? "7".repeat(digits.get()) : "1e" + exponent.get();
                    what = longDigits ? "a number of " + number.length() + " digits" : "the number " + number;
                    ((ObjectNode) event.get("data")).putRawValue("seats", new RawValue(number));
                    value = write(event);
                }
                case 9 -> {
                    String name = f.substring(1, f.indexOf('/', 1) > 0 ? f.indexOf('/', 1) : f.length());
                    what = "the key " + name + " twice";
                    String json = new String(write(event), StandardCharsets.UTF_8);
                    value = ("{\"" + name + "\":\"again\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
                }
                case 10 -> {
                    what = "an unpaired surrogate in " + f;
                    value = replaceBytes(write(with(event, f, "a~X~b")), "~X~", (random.nextBoolean() ? "\\ud83d" : "\\udc00")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                case 11 -> {
                    what = "a random specversion";
                    value = write(event.put("specversion", "0." + text.get()));
                }
                default -> {
                    what = "a random type";
                    value = write(event.put("type", "x." + text.get()));
                }
            }
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, key, value);
            r.headers().add(new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
            out.add(new Fuzzed(what, id, r));
        }
        return out;
    }

    private static JsonNode otherType(Random random, String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(5)) {
            case 0 -> f.numberNode(random.nextInt());
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.nullNode();
            case 3 -> f.arrayNode().add(text);
            default -> f.objectNode().put("value", text);
        };
    }

    private static ObjectNode with(ObjectNode event, String pointer, String value) {
        return set(event, pointer, JsonNodeFactory.instance.textNode(value));
    }
}
