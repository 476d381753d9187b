package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example is a valid event, and its data survives a trip through its record unchanged. */
class ValidExamplesTest {

    /** Deliberately not ContractJson.mapper(): the record annotations alone must produce the contract format. */
    private static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule());

    static List<String> examples() {
        return TestResources.jsonFiles("examples");
    }

    @Test
    void thereAreExamples() {
        assertTrue(examples().size() >= 2 * EventTypes.all().size(), "found " + examples().size());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void isValid(String file) {
        JsonNode event = TestResources.json(file);
        assertEquals(file.split("/")[1], event.path("type").asText(), "example lives under its type");
        assertEquals(List.of(), ContractSchemas.get().validateEnvelope(event));
        assertEquals(List.of(), ContractSchemas.get().validateData(event.path("type").asText(), event.get("data")));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void subjectIsTheKafkaKey(String file) {
        JsonNode event = TestResources.json(file);
        JsonNode key = event.get("data").get(EventTypes.keyFieldOf(event.get("type").asText()));
        if (key == null) {
            assertTrue(event.path("subject").isMissingNode(), "no key, no subject");
        } else {
            assertEquals(key.asText(), event.path("subject").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void dataRoundTripsThroughItsRecord(String file) throws Exception {
        JsonNode data = TestResources.json(file).get("data");
        Class<?> recordClass = EventTypes.dataClassOf(TestResources.json(file).get("type").asText());
        for (ObjectMapper mapper : List.of(ContractJson.mapper(), PLAIN)) {
            Object record = mapper.treeToValue(data, recordClass);
            // Compare re-parsed text: valueToTree would give a LongNode where the file has an IntNode.
            String json = mapper.writeValueAsString(record);
            assertEquals(data, mapper.readTree(json), json);
            assertEquals(record, mapper.readValue(json, recordClass));
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void envelopeRoundTrips(String file) throws Exception {
        JsonNode event = TestResources.json(file);
        for (ObjectMapper mapper : List.of(ContractJson.mapper(), PLAIN)) {
            CloudEventEnvelope envelope = mapper.treeToValue(event, CloudEventEnvelope.class);
            assertEquals(event, mapper.readTree(mapper.writeValueAsString(envelope)));
            Object data = envelope.dataAs(EventTypes.dataClassOf(envelope.type()), mapper);
            CloudEventEnvelope rebuilt = CloudEventEnvelope.of(envelope.id(), envelope.source(), envelope.type(),
                    envelope.subject(), envelope.time(), data, mapper);
            assertEquals(event, mapper.readTree(mapper.writeValueAsString(rebuilt)));
        }
    }
}
