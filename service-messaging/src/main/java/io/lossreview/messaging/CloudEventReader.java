package io.lossreview.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CloudEvent 1.0 off a record per its Kafka protocol binding, for every consumer: structured
 * mode (the value is the whole event, content-type application/cloudevents+json) or binary mode
 * (attributes in ce_* headers, the value is the data). The input rules ({@link InputGuard}) hold for
 * the value and the headers alike. Whatever is wrong is a list of violations, never an exception.
 */
public final class CloudEventReader {

    private static final String STRUCTURED = "application/cloudevents";
    private static final String CE_PREFIX = "ce_";

    private final ObjectMapper strict;
    private final int maxPayloadBytes;

    public CloudEventReader(ObjectMapper mapper, int maxPayloadBytes) {
        this.strict = InputGuard.strictReader(mapper);
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * The event as read, and what is wrong with it. The event is null when nothing could be read;
     * when there are violations it holds what could be read (to name the refused event), no more.
     */
    public record Read(ObjectNode event, List<Violation> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }

        public String text(String attribute) {
            JsonNode n = event == null ? null : event.get(attribute);
            return n != null && n.isTextual() ? n.textValue() : null;
        }

        /** id, source, type and subject, as far as they could be read. */
        public Decoded.Facts facts() {
            return new Decoded.Facts(text("id"), text("source"), text("type"), text("subject"));
        }
    }

    public Read read(Received record) {
        if (record.tombstone()) {
            return refused(null, new Violation("", "tombstone", "A record without a value carries no event"));
        }
        String contentType = record.header("content-type");
        boolean binary = (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(STRUCTURED))
                && record.header("ce_specversion") != null;
        InputGuard.Parsed parsed = InputGuard.parse(record.payload(), strict, maxPayloadBytes);
        if (binary) {
            return fromBinary(record, parsed);
        }
        JsonNode json = parsed.json();
        ObjectNode event = json instanceof ObjectNode o ? o : null;
        if (!parsed.ok()) {
            return new Read(event, parsed.violations());
        }
        if (event == null || !event.has("specversion")) {
            return refused(null, new Violation("/specversion", "cloudevents",
                    "Not a CloudEvent: neither structured mode (a JSON object with specversion) nor binary mode (ce_* headers)"));
        }
        return new Read(event, List.of());
    }

    /**
     * Binary mode: the ce_* headers are the attributes, held to the same rules as the value (the
     * data). A refused one keeps what its headers say (its id), even when the value is unreadable.
     */
    private Read fromBinary(Received record, InputGuard.Parsed data) {
        ObjectNode event = strict.createObjectNode();
        List<Violation> found = new ArrayList<>();
        for (Received.RecordHeader h : record.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!name.startsWith(CE_PREFIX) || h.value() == null) {
                continue;
            }
            String attribute = name.substring(CE_PREFIX.length());
            Violation encoding = InputGuard.utf8(h.value(), "/" + attribute);
            if (encoding != null) {
                found.add(new Violation(InputGuard.safe(encoding.pointer(), 256), encoding.rule(),
                        "Header " + InputGuard.safe(h.name(), 256) + ": " + encoding.message()));
                continue;
            }
            event.put(attribute, new String(h.value(), StandardCharsets.UTF_8));
        }
        String contentType = record.header("content-type");
        if (contentType != null) {
            event.put("datacontenttype", contentType);
        }
        found.addAll(InputGuard.check(event));
        if (!data.ok()) {
            data.violations().forEach(v -> found.add(new Violation("/data" + v.pointer(), v.rule(), v.message())));
            return new Read(event, found);
        }
        event.set("data", data.json());
        return new Read(event, found);
    }

    private static Read refused(ObjectNode event, Violation v) {
        return new Read(event, List.of(v));
    }
}
