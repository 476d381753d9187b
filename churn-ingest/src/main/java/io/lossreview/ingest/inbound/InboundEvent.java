package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.RejectionOrigin;
import java.util.List;

/**
 * An inbound event as read off the wire: the CloudEvent (null when unreadable), the raw payload
 * for the dead-letter record, where it came from, and what was wrong with it so far.
 */
public record InboundEvent(JsonNode cloudEvent, String rawPayload, RejectionOrigin origin, List<Violation> violations) {

    public static InboundEvent readable(JsonNode cloudEvent, String rawPayload, RejectionOrigin origin) {
        return new InboundEvent(cloudEvent, rawPayload, origin, List.of());
    }

    public static InboundEvent unreadable(String rawPayload, RejectionOrigin origin, Violation violation) {
        return new InboundEvent(null, rawPayload, origin, List.of(violation));
    }

    public InboundEvent withViolations(List<Violation> found) {
        return new InboundEvent(cloudEvent, rawPayload, origin, List.copyOf(found));
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public String type() {
        return text("type");
    }

    public String id() {
        return text("id");
    }

    public String source() {
        return text("source");
    }

    public JsonNode data() {
        return cloudEvent == null ? null : cloudEvent.get("data");
    }

    public String customerId() {
        JsonNode data = data();
        JsonNode id = data == null ? null : data.get("customerId");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    private String text(String attribute) {
        JsonNode n = cloudEvent == null ? null : cloudEvent.get(attribute);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
