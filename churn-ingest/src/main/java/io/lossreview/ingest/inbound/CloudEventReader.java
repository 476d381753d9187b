package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Violation;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.messaging.Received;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads CloudEvents 1.0 per its Kafka protocol binding: structured mode (the value is the whole
 * event, content-type application/cloudevents+json) or binary mode (attributes in ce_* headers, the
 * value is the data). The input rules ({@link InputGuard}) hold for the value and the headers alike.
 * Anything unreadable becomes an event with a violation, never an exception.
 */
// Singleton: called for every event, and a client proxy's lookup on each call showed in profiles.
@Singleton
public class CloudEventReader {

    private static final String STRUCTURED = "application/cloudevents";
    private static final String CE_PREFIX = "ce_";

    private final ObjectMapper strict;
    private final int maxPayloadBytes;

    public CloudEventReader(ObjectMapper mapper, IngestConfig config) {
        this.strict = InputGuard.strictReader(mapper);
        this.maxPayloadBytes = config.maxPayloadBytes();
    }

    public InboundEvent read(Received record) {
        if (record.tombstone()) {
            return InboundEvent.unreadable(new Violation("", "tombstone", "A record without a value carries no event"));
        }
        String contentType = record.header("content-type");
        boolean binary = (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(STRUCTURED))
                && record.header("ce_specversion") != null;
        InputGuard.Parsed parsed = InputGuard.parse(record.payload(), strict, maxPayloadBytes);
        if (binary) {
            return fromBinary(record, parsed);
        }
        if (!parsed.ok()) {
            return InboundEvent.refused(parsed.json(), parsed.violations());
        }
        JsonNode json = parsed.json();
        if (!json.isObject() || !json.has("specversion")) {
            return InboundEvent.unreadable(new Violation("/specversion", "cloudevents",
                    "Not a CloudEvent: neither structured mode (a JSON object with specversion) nor binary mode (ce_* headers)"));
        }
        return InboundEvent.readable(json);
    }

    /**
     * Binary mode: the ce_* headers are the attributes, held to the same rules as the value (the
     * data). A refused one keeps what its headers say (its id), even when the value is unreadable.
     */
    private InboundEvent fromBinary(Received record, InputGuard.Parsed data) {
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
            return InboundEvent.refused(event, found);
        }
        event.set("data", data.json());
        return found.isEmpty() ? InboundEvent.readable(event) : InboundEvent.refused(event, found);
    }
}
