package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.Violation;
import io.lossreview.messaging.CloudEventReader;
import io.lossreview.messaging.Decoded;
import java.time.Instant;
import java.util.List;

/**
 * An inbound CloudEvent as read off the wire (null when unreadable) and what was wrong with it so
 * far. The attributes a batch is sorted and joined by are read once: they are asked for many times
 * per event.
 */
public final class InboundEvent {

    private final JsonNode cloudEvent;
    private final List<Violation> violations;
    private final String type;
    private final String id;
    private final String source;
    private final JsonNode data;
    private final String customerId;
    private final Instant publishedAt;

    private InboundEvent(JsonNode cloudEvent, List<Violation> violations, Instant publishedAt) {
        this.cloudEvent = cloudEvent;
        this.violations = List.copyOf(violations);
        this.type = text(cloudEvent, "type");
        this.id = text(cloudEvent, "id");
        this.source = text(cloudEvent, "source");
        this.data = cloudEvent == null ? null : cloudEvent.get("data");
        this.customerId = text(data, "customerId");
        this.publishedAt = publishedAt;
    }

    /**
     * The event as read (what could be read of it, when it was refused) and the reading's violations.
     *
     * @param publishedAt when it was published (its Kafka timestamp) or received (REST, webhook), or null
     */
    public static InboundEvent of(CloudEventReader.Read read, Instant publishedAt) {
        return new InboundEvent(read.event(), read.violations(), publishedAt);
    }

    public InboundEvent withViolations(List<Violation> found) {
        return new InboundEvent(cloudEvent, found, publishedAt);
    }

    /** What the dead letter says about the event: each part as far as it could be read. */
    public Decoded.Facts facts() {
        return new Decoded.Facts(id, source, type, customerId);
    }

    public JsonNode cloudEvent() {
        return cloudEvent;
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public String type() {
        return type;
    }

    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public JsonNode data() {
        return data;
    }

    public String customerId() {
        return customerId;
    }

    /** When it was published or received, or null: the origin time of what it changes downstream. */
    public Instant publishedAt() {
        return publishedAt;
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
