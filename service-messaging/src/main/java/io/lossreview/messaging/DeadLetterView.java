package io.lossreview.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A dead letter as ops see it: where it came from, what was wrong, and the record as it came.
 * Text that is valid UTF-8 is shown as text; anything else as Base64, so nothing is altered.
 *
 * @param payload       the payload as text, when it is valid UTF-8
 * @param payloadBase64 the payload's bytes in Base64, when it is not
 * @param tombstone     the Kafka record had no value at all
 * @param payloadKept   false when only the payload's SHA-256 could be stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(String id, Instant receivedAt, String consumer, String channel, String topic,
                             Integer partition, Long offset, Instant recordTimestamp, String key, String keyBase64,
                             List<Header> headers, String eventId, String eventSource, String eventType,
                             String customerId, JsonNode violations, String payload, String payloadBase64,
                             boolean tombstone, boolean payloadKept, String payloadSha256, Instant replayedAt,
                             String replayedBy) {

    /** A Kafka header: value as text when valid UTF-8, else valueBase64. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(String name, String value, String valueBase64) {
    }
}
