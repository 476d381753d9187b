package io.lossreview.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractSchemas;
import io.lossreview.contracts.Violation;
import io.lossreview.messaging.DeadLetters.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a platform event (structured CloudEvent JSON) off a record and checks it against its
 * contract: the result is either the event or the dead letter saying what is wrong with it.
 */
@ApplicationScoped
public class ContractEventReader {

    private final ObjectMapper mapper;

    public ContractEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Exactly one of event and deadLetter is set. */
    public record Read(ConsumerRecord<String, String> record, CloudEventEnvelope event, DeadLetter deadLetter) {

        public <T> T data(Class<T> type, ObjectMapper mapper) {
            return event.dataAs(type, mapper);
        }
    }

    public Read read(ConsumerRecord<String, String> record) {
        JsonNode json;
        try {
            json = record.value() == null ? null : mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return rejected(record, null, null, new Violation("", "json", "The payload is not a JSON object"));
        }
        List<Violation> violations = ContractSchemas.get().validateEvent(json);
        if (!violations.isEmpty()) {
            return new Read(record, null, new DeadLetter(record, text(json, "id"), text(json, "type"), violations));
        }
        // Built by hand from the validated tree: mapping would copy the whole data subtree once more.
        String time = text(json, "time");
        java.time.Instant at;
        try {
            at = time == null ? null : java.time.OffsetDateTime.parse(time).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return rejected(record, text(json, "id"), text(json, "type"),
                    new Violation("/time", "date-time", "time is not an RFC 3339 date-time: " + time));
        }
        return new Read(record, new CloudEventEnvelope(text(json, "specversion"), text(json, "id"), text(json, "source"),
                text(json, "type"), text(json, "subject"), at, text(json, "datacontenttype"), json.get("data")), null);
    }

    private static Read rejected(ConsumerRecord<String, String> record, String id, String type, Violation v) {
        return new Read(record, null, new DeadLetter(record, id, type, List.of(v)));
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
