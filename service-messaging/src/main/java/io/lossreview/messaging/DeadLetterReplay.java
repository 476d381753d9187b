package io.lossreview.messaging;

import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.rejection.RejectionOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Puts a dead letter back through its consumer: the exact record as stored (bytes, key, headers),
 * or a corrected body. It must now be valid; else nothing changes and the answer says why. A dead
 * letter is replayed once.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private final DeadLetterQueries queries;
    private final BatchTransaction transaction;
    private final Instance<EventConsumer<?>> consumers;
    private final Clock clock;

    public DeadLetterReplay(DeadLetterQueries queries, BatchTransaction transaction, Instance<EventConsumer<?>> consumers,
                            Clock clock) {
        this.queries = queries;
        this.transaction = transaction;
        this.consumers = consumers;
        this.clock = clock;
    }

    /** corrected: a new body (sent over HTTP, structured mode), or null to re-submit the stored record. */
    @Transactional
    public Outcome<?> replay(UUID id, byte[] corrected, String by) {
        DeadLetterQueries.Stored stored = queries.find(id).orElseThrow(() -> new NotFound("Rejected event", id));
        if (stored.view().replayedAt() != null) {
            throw new Conflict(
                    "Rejected event " + id + " was already replayed at " + stored.view().replayedAt());
        }
        if (corrected == null && !stored.view().payloadKept()) {
            throw new Conflict(
                    "Rejected event " + id + " kept no payload to replay; send the corrected event");
        }
        Received record = corrected == null ? stored.record()
                : Received.http(RejectionOrigin.rest(), clock.instant(), corrected);
        Outcome<?> outcome = apply(consumer(stored.view().consumer()), record);
        if (!queries.markReplayed(id, clock.instant(), by)) {
            throw new Conflict("Rejected event " + id + " was replayed meanwhile");
        }
        return outcome;
    }

    private <E> Outcome<E> apply(EventConsumer<E> consumer, Received record) {
        Decoded<E> decoded = consumer.decode(record);
        if (decoded instanceof Decoded.Refused<E> refused) {
            throw new InvalidInput(problems(refused));
        }
        Outcome<E> outcome = transaction.apply(consumer, List.of(decoded));
        if (!outcome.refused().isEmpty()) {
            throw new InvalidInput(problems(outcome.refused().get(0)));
        }
        return outcome;
    }

    private static List<InvalidInput.Violation> problems(Decoded.Refused<?> refused) {
        return refused.violations().stream().limit(InputGuard.MAX_VIOLATIONS)
                .map(v -> new InvalidInput.Violation(InputGuard.safe(v.pointer(), 256), v.rule(), InputGuard.safe(v.message(), 2048)))
                .toList();
    }

    private EventConsumer<?> consumer(String name) {
        for (EventConsumer<?> c : consumers) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new Conflict("No consumer " + name + " in this service can replay it");
    }
}
