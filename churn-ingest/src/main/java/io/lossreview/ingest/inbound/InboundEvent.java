package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.RejectionOrigin;
import java.util.List;
import java.util.function.Supplier;

/**
 * An inbound event as read off the wire: the CloudEvent (null when unreadable), the raw payload
 * for the dead-letter record, where it came from, and what was wrong with it so far. The attributes
 * a batch is sorted and joined by are read once: they are asked for many times per event. The raw
 * payload is decoded only when asked for: only rejected events need it.
 */
public final class InboundEvent {

    private final JsonNode cloudEvent;
    private final Supplier<String> rawPayload;
    private final RejectionOrigin origin;
    private final List<Violation> violations;
    private final String type;
    private final String id;
    private final String source;
    private final JsonNode data;
    private final String customerId;

    private InboundEvent(JsonNode cloudEvent, Supplier<String> rawPayload, RejectionOrigin origin, List<Violation> violations) {
        this.cloudEvent = cloudEvent;
        this.rawPayload = rawPayload;
        this.origin = origin;
        this.violations = List.copyOf(violations);
        this.type = text(cloudEvent, "type");
        this.id = text(cloudEvent, "id");
        this.source = text(cloudEvent, "source");
        this.data = cloudEvent == null ? null : cloudEvent.get("data");
        this.customerId = text(data, "customerId");
    }

    public static InboundEvent readable(JsonNode cloudEvent, Supplier<String> rawPayload, RejectionOrigin origin) {
        return new InboundEvent(cloudEvent, rawPayload, origin, List.of());
    }

    public static InboundEvent unreadable(Supplier<String> rawPayload, RejectionOrigin origin, Violation violation) {
        return new InboundEvent(null, rawPayload, origin, List.of(violation));
    }

    public InboundEvent withViolations(List<Violation> found) {
        return new InboundEvent(cloudEvent, rawPayload, origin, found);
    }

    public JsonNode cloudEvent() {
        return cloudEvent;
    }

    public String rawPayload() {
        return rawPayload.get();
    }

    public RejectionOrigin origin() {
        return origin;
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

    private static String text(JsonNode node, String field) {
        JsonNode n = node == null ? null : node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
