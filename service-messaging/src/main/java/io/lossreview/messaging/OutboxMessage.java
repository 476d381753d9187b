package io.lossreview.messaging;

/** One event bound for a topic: the data record becomes a structured CloudEvent. */
public record OutboxMessage(String topic, String key, String type, Object data) {
}
