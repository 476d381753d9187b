package io.lossreview.ingest.rejection;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A dead letter as ops see it: where it came from, what was wrong, the raw payload. */
public record RejectedEventView(String id, Instant receivedAt, String channel, String topic, Integer partition,
                                Long offset, String eventId, String eventSource, String eventType, String customerId,
                                JsonNode violations, String payload, Instant replayedAt) {
}
