package io.lossreview.messaging;

import java.time.Instant;

/**
 * One event bound for a topic: the data record becomes a structured CloudEvent.
 *
 * @param originAt when the inbound event behind it was published, or null when none was (a person's decision, a
 *                 timer): it travels as the {@value OutboxRelay#ORIGIN_TIME_HEADER} header, so the consumers at the
 *                 end of the chain can measure the whole way from publication to their commit
 */
public record OutboxMessage(String topic, String key, String type, Object data, Instant originAt) {

    public OutboxMessage(String topic, String key, String type, Object data) {
        this(topic, key, type, data, null);
    }
}
