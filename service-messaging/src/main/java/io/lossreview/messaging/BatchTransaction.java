package io.lossreview.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one transaction a batch of decoded records is applied in: refusals stored as dead letters,
 * the new events claimed in the inbox, the consumer's effect, and the dead letters of what the
 * consumer refused after all. All of it commits, or none of it does.
 */
@ApplicationScoped
public class BatchTransaction {

    private final Inbox inbox;
    private final DeadLetters deadLetters;

    public BatchTransaction(Inbox inbox, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    @Transactional
    public <E> Outcome<E> apply(EventConsumer<E> consumer, List<Decoded<E>> batch) {
        List<Decoded.Refused<E>> refused = new ArrayList<>();
        List<Decoded.Event<E>> events = new ArrayList<>();
        int ignored = 0;
        for (Decoded<E> d : batch) {
            if (d instanceof Decoded.Event<E> e) {
                events.add(e);
            } else if (d instanceof Decoded.Refused<E> r) {
                refused.add(r);
            } else {
                ignored++;
            }
        }
        Inbox.Claimed<E> claimed = inbox.claim(consumer.name(), events);
        List<Decoded.Event<E>> applied = claimed.fresh();
        List<Decoded.Refused<E>> refusedLater = claimed.fresh().isEmpty() ? List.of() : consumer.apply(claimed.fresh());
        if (!refusedLater.isEmpty()) {
            Set<Received> later = Collections.newSetFromMap(new IdentityHashMap<>());
            refusedLater.forEach(r -> later.add(r.received()));
            applied = applied.stream().filter(e -> !later.contains(e.received())).toList();
            inbox.release(claimed.fresh().stream().filter(e -> later.contains(e.received()))
                    .map(e -> Inbox.key(e.source(), e.id())).toList());
            refused.addAll(refusedLater);
        }
        int stored = deadLetters.store(consumer.name(), refused);
        return new Outcome<>(applied, claimed.duplicates(), refused, ignored, stored);
    }

    /** Stores refused records only (a request refused whole); in the caller's transaction if there is one. */
    @Transactional
    public <E> int refuse(EventConsumer<E> consumer, List<Decoded.Refused<E>> refused) {
        return deadLetters.store(consumer.name(), refused);
    }
}
