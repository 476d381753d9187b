package io.lossreview.messaging;

import io.lossreview.contracts.Violation;
import java.util.List;

/**
 * What a consumer made of one {@link Received} record: an event to apply (deduped on its source
 * and id), a refusal with every reason (it becomes a dead letter), or a record the consumer does
 * not need (another event type on a shared topic).
 */
public sealed interface Decoded<E> {

    Received received();

    /** A valid event; source and id are its CloudEvents identity, the inbox dedupes on them. */
    record Event<E>(Received received, String source, String id, E event) implements Decoded<E> {

        /** This event refused after all (by the handler, inside the transaction). */
        public Refused<E> refuse(String type, String subject, Violation reason) {
            return new Refused<>(received, new Facts(id, source, type, subject), List.of(reason));
        }
    }

    /** What could be read of a refused record: each part null when the record did not get that far. */
    record Facts(String eventId, String eventSource, String eventType, String subject) {
        public static final Facts NONE = new Facts(null, null, null, null);
    }

    record Refused<E>(Received received, Facts facts, List<Violation> violations) implements Decoded<E> {
    }

    record Ignored<E>(Received received) implements Decoded<E> {
    }

    static <E> Decoded<E> refused(Received received, Facts facts, List<Violation> violations) {
        return new Refused<>(received, facts, List.copyOf(violations));
    }

    static <E> Decoded<E> refused(Received received, Violation violation) {
        return new Refused<>(received, Facts.NONE, List.of(violation));
    }
}
