package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.RejectionOrigin;
import io.lossreview.ingest.config.IngestConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads CloudEvents 1.0 per its Kafka protocol binding: structured mode (the value is the whole
 * event, content-type application/cloudevents+json) or binary mode (attributes in ce_* headers, the
 * value is the data). Anything unreadable becomes an event with a violation, never an exception.
 */
// Singleton: called for every event, and a client proxy's lookup on each call showed in profiles.
@Singleton
public class CloudEventReader {

    private static final String STRUCTURED = "application/cloudevents";
    private static final String CE_PREFIX = "ce_";

    private final ObjectMapper mapper;
    private final int maxPayloadBytes;

    public CloudEventReader(ObjectMapper mapper, IngestConfig config) {
        this.mapper = mapper;
        this.maxPayloadBytes = config.maxPayloadBytes();
    }

    public InboundEvent read(ConsumerRecord<String, byte[]> record, String contractTopic) {
        RejectionOrigin origin = RejectionOrigin.kafka(contractTopic, record.partition(), record.offset());
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Supplier<String> raw = () -> new String(value, StandardCharsets.UTF_8);
        if (value.length > maxPayloadBytes) {
            return tooLarge(raw, origin, value.length);
        }
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            if (h.value() != null) {
                headers.put(h.key().toLowerCase(Locale.ROOT), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (java.io.IOException e) {
            return InboundEvent.unreadable(raw, origin, new Violation("", "json", "The payload is not JSON: " + firstLine(e)));
        }
        if (json == null || json.isMissingNode()) {
            return InboundEvent.unreadable(raw, origin, new Violation("", "json", "The payload is empty"));
        }
        String contentType = headers.getOrDefault("content-type", "");
        if (!contentType.startsWith(STRUCTURED) && headers.containsKey("ce_specversion")) {
            return InboundEvent.readable(fromBinary(headers, json), raw, origin);
        }
        return structured(json, raw, origin);
    }

    /** A REST or replayed payload: always structured mode. */
    public InboundEvent read(JsonNode event, RejectionOrigin origin) {
        String raw = event.toString();
        int size = raw.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxPayloadBytes) {
            return tooLarge(() -> raw, origin, size);
        }
        return structured(event, () -> raw, origin);
    }

    private InboundEvent structured(JsonNode json, Supplier<String> raw, RejectionOrigin origin) {
        if (!json.isObject() || !json.has("specversion")) {
            return InboundEvent.unreadable(raw, origin, new Violation("/specversion", "cloudevents",
                    "Not a CloudEvent: neither structured mode (a JSON object with specversion) nor binary mode (ce_* headers)"));
        }
        return InboundEvent.readable(json, raw, origin);
    }

    private JsonNode fromBinary(Map<String, String> headers, JsonNode data) {
        ObjectNode event = mapper.createObjectNode();
        headers.forEach((name, value) -> {
            if (name.startsWith(CE_PREFIX)) {
                event.put(name.substring(CE_PREFIX.length()), value);
            }
        });
        if (headers.containsKey("content-type")) {
            event.put("datacontenttype", headers.get("content-type"));
        }
        event.set("data", data);
        return event;
    }

    private InboundEvent tooLarge(Supplier<String> raw, RejectionOrigin origin, int size) {
        return InboundEvent.unreadable(raw, origin, new Violation("", "payload-size",
                "The payload has " + size + " bytes; at most " + maxPayloadBytes + " are accepted"));
    }

    private static String firstLine(JsonProcessingException e) {
        return e.getOriginalMessage();
    }

    private static String firstLine(java.io.IOException e) {
        return e instanceof JsonProcessingException j ? firstLine(j) : String.valueOf(e.getMessage());
    }
}
