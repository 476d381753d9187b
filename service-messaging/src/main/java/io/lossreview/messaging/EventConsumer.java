package io.lossreview.messaging;

import java.util.List;

/**
 * What a service declares to consume topics; {@link Consumers} does the rest, once for all:
 * reading, the inbox dedupe, dead letters, offsets after the database commit, retries, and the
 * isolation of a record that keeps failing. Implementations are CDI beans.
 *
 * <p>{@link #decode} must be thread-safe and must not throw for any content: whatever is wrong with
 * a record is a {@link Decoded.Refused} with its reasons. {@link #apply} runs inside the batch's
 * transaction with the events not seen before, and returns the ones it refuses after all.
 */
public interface EventConsumer<E> {

    /** Names the consumer in the inbox, dead letters, metrics and health; unique in the service. */
    String name();

    /** Contract topic names (the environment's prefix is added); a topic belongs to one consumer. */
    List<String> topics();

    /** Consumer threads in this instance; more than the topics' partitions would idle. */
    default int instances() {
        return 1;
    }

    /** Decodes a batch's records on all cores first (worth it for CPU-heavy decoding). */
    default boolean parallelDecode() {
        return false;
    }

    Decoded<E> decode(Received record);

    List<Decoded.Refused<E>> apply(List<Decoded.Event<E>> fresh);
}
