package io.lossreview.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode. Our producers set subject to the Kafka key (usually customerId).
 * Extension attributes of inbound events are ignored when reading.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        @IsoString Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Kafka content-type header value for structured mode. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    /** Envelope around a data record, converted with the given mapper. */
    public static CloudEventEnvelope of(String id, String source, String type, String subject, Instant time,
                                        Object data, ObjectMapper mapper) {
        return new CloudEventEnvelope(SPEC_VERSION, id, source, type, subject, time, JSON, mapper.valueToTree(data));
    }

    /**
     * The structured-mode JSON of an event, written straight from the data record: producers on a hot
     * path skip building the intermediate {@link JsonNode} tree that {@link #of} makes.
     */
    public static String write(String id, String source, String type, String subject, Instant time,
                               Object data, ObjectMapper mapper) throws JsonProcessingException {
        return mapper.writeValueAsString(new Outgoing(SPEC_VERSION, id, source, type, subject, time, JSON, data));
    }

    /** Same attributes and order as the envelope, with the data still a record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Outgoing(String specversion, String id, String source, String type, String subject,
                            @IsoString Instant time, String datacontenttype, Object data) {
    }

    /** New event with a random UUID id, the current time and {@link ContractJson#mapper()}. */
    public static CloudEventEnvelope create(String source, String type, String subject, Object data) {
        return of(UUID.randomUUID().toString(), source, type, subject, Instant.now(), data, ContractJson.mapper());
    }

    public <T> T dataAs(Class<T> dataClass, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(data, dataClass);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data of " + type + " event " + id + " is not a " + dataClass.getSimpleName(), e);
        }
    }

    public <T> T dataAs(Class<T> dataClass) {
        return dataAs(dataClass, ContractJson.mapper());
    }
}
