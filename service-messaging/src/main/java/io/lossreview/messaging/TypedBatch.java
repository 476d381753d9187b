package io.lossreview.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.contracts.Violation;
import io.lossreview.messaging.ContractEventReader.Read;
import io.lossreview.messaging.DeadLetters.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch read off a topic that carries one event type: the events' data by event id, and dead
 * letters for everything else (unreadable, breaking the contract, or of another type).
 */
public record TypedBatch<T>(Map<String, T> byEventId, List<DeadLetter> rejected) {

    public static <T> TypedBatch<T> of(List<Read> reads, String topic, String type, Class<T> dataClass,
                                       ObjectMapper mapper) {
        List<DeadLetter> rejected = new ArrayList<>();
        Map<String, T> byEventId = new LinkedHashMap<>();
        for (Read r : reads) {
            if (r.deadLetter() != null) {
                rejected.add(r.deadLetter());
            } else if (!type.equals(r.event().type())) {
                rejected.add(new DeadLetter(r.record(), r.event().id(), r.event().type(), List.of(new Violation(
                        "/type", "unexpected-type", topic + " carries only " + type))));
            } else {
                byEventId.put(r.event().id(), r.data(dataClass, mapper));
            }
        }
        return new TypedBatch<>(byEventId, rejected);
    }
}
