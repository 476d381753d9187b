package io.lossreview.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.contracts.Violation;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Decodes a platform event (a CloudEvent our services publish) off a record: read under the input
 * rules ({@link CloudEventReader}), its contract's schema, the one event type the consumer takes, and its
 * data as a record. Whatever is wrong becomes a refusal with its reasons, never an exception.
 */
// Singleton: called for every event, and a client proxy's lookup on each call showed in profiles.
@Singleton
public class ContractEventReader {

    /** Platform events are small; anything near this is not one of ours. */
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    /** What to do with an event of another type than the consumer's. */
    public enum OtherTypes {
        REFUSE, IGNORE
    }

    private final ObjectMapper mapper;
    private final CloudEventReader reader;

    public ContractEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = new CloudEventReader(mapper, MAX_PAYLOAD_BYTES);
    }

    public <T> Decoded<T> decode(Received record, String type, Class<T> dataClass, OtherTypes others) {
        CloudEventReader.Read read = reader.read(record);
        Decoded.Facts facts = read.facts();
        if (!read.ok()) {
            return Decoded.refused(record, facts, read.violations());
        }
        JsonNode json = read.event();
        List<Violation> violations = ContractSchemas.get().validateEvent(json);
        if (!violations.isEmpty()) {
            return Decoded.refused(record, facts, violations);
        }
        if (!type.equals(facts.eventType())) {
            return others == OtherTypes.IGNORE ? new Decoded.Ignored<>(record) : Decoded.refused(record, facts,
                    List.of(new Violation("/type", "unexpected-type", record.origin().topic() + " carries only " + type
                            + " for this consumer")));
        }
        try {
            return new Decoded.Event<>(record, facts.eventSource(), facts.eventId(), mapper.treeToValue(json.get("data"), dataClass));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Decoded.refused(record, facts, List.of(new Violation("/data", "data-mapping",
                    "The data does not map to " + dataClass.getSimpleName() + ": " + e.getMessage())));
        }
    }
}
