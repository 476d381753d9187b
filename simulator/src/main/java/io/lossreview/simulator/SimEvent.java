package io.lossreview.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Kafka record as a billing or CRM system would send it.
 *
 * @param topic   contract topic name, without any test prefix
 * @param key     Kafka key: the customer id, or null for some malformed events
 * @param headers Kafka headers in send order (content-type, and ce_* in binary mode)
 * @param value   the exact record value as UTF-8 text
 * @param kind    whether the platform should accept it, drop it as a redelivery or reject it
 */
public record SimEvent(String topic, String key, Map<String, String> headers, String value, Kind kind) {

    public enum Kind {
        /** Counts towards the expected figures. */
        VALID,
        /** Same CloudEvent id and source as an earlier VALID event: must be deduplicated. */
        DUPLICATE,
        /** Breaks one contract rule: must be rejected and never affect the figures. */
        MALFORMED
    }

    public SimEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        // Insertion order is kept: header order is part of the byte-identical output.
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }
}
