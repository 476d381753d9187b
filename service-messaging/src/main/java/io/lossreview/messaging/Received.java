package io.lossreview.messaging;

import io.lossreview.contracts.rejection.RejectionOrigin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record exactly as it came in, before anything was made of it: where from, the key, the
 * headers and the value as bytes. A dead letter keeps all of it, so it can be replayed as it was.
 *
 * @param payload null for a Kafka tombstone (no value), which is not the same as an empty value
 */
public record Received(RejectionOrigin origin, Instant timestamp, byte[] key, List<RecordHeader> headers, byte[] payload) {

    /** A Kafka header: its name and its exact value (null allowed). */
    public record RecordHeader(String name, byte[] value) {
    }

    public static Received of(ConsumerRecord<byte[], byte[]> record, String contractTopic) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(new RecordHeader(h.key(), h.value()));
        }
        Instant at = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null;
        return new Received(RejectionOrigin.kafka(contractTopic, record.partition(), record.offset()), at, record.key(),
                List.copyOf(headers), record.value());
    }

    /** A body that came over HTTP (REST or a webhook): no key, no headers. */
    public static Received http(RejectionOrigin origin, Instant at, byte[] payload) {
        return new Received(origin, at, null, List.of(), payload);
    }

    public boolean tombstone() {
        return payload == null;
    }

    /** The last header of that name (case-insensitive) as UTF-8 text, or null. */
    public String header(String name) {
        String found = null;
        for (RecordHeader h : headers) {
            if (h.name().equalsIgnoreCase(name) && h.value() != null) {
                found = new String(h.value(), StandardCharsets.UTF_8);
            }
        }
        return found;
    }

    /** The key as text (Kafka keys of our topics are customer ids), or null. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** "topic-partition@offset" for Kafka, the channel otherwise: for logs. */
    public String where() {
        return origin.channel() == RejectionOrigin.Channel.KAFKA
                ? origin.topic() + "-" + origin.partition() + "@" + origin.offset()
                : origin.channel().name();
    }
}
