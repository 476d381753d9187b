package io.lossreview.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.ContractJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns data records into Kafka records the way billing and CRM connectors send them: 70% structured, 30% binary mode. */
final class CloudEvents {

    static final String CONTENT_TYPE = "content-type";
    static final double BINARY_SHARE = 0.3;
    private static final ObjectMapper MAPPER = ContractJson.mapper();

    private CloudEvents() {
    }

    /**
     * Everything a record is made of, before it becomes bytes. The data is kept as its JSON text: serialised once and
     * embedded as-is, which is what keeps a million-record stream fast.
     *
     * @param key      Kafka key, may be null
     * @param subject  CloudEvent subject, may be null
     * @param time     CloudEvent time as sent (ISO-8601), may be null
     * @param dataJson the data member, compact JSON
     */
    record Draft(String topic, String key, String id, String source, String type, String subject, String time,
                 String dataJson, boolean binary) {

        /** A mutable copy of the data, for the malformer. */
        ObjectNode dataTree() {
            try {
                return (ObjectNode) MAPPER.readTree(dataJson);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("generated data is not JSON", e);
            }
        }

        SimEvent render(SimEvent.Kind kind) {
            Map<String, String> headers = new LinkedHashMap<>();
            String value;
            if (binary) {
                headers.put("ce_specversion", CloudEventEnvelope.SPEC_VERSION);
                headers.put("ce_id", id);
                headers.put("ce_source", source);
                headers.put("ce_type", type);
                putIfSet(headers, "ce_subject", subject);
                putIfSet(headers, "ce_time", time);
                headers.put(CONTENT_TYPE, CloudEventEnvelope.JSON);
                value = dataJson;
            } else {
                headers.put(CONTENT_TYPE, CloudEventEnvelope.STRUCTURED_CONTENT_TYPE);
                value = structured();
            }
            return new SimEvent(topic, key, headers, value, kind);
        }

        private String structured() {
            StringWriter out = new StringWriter(dataJson.length() + 320);
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("specversion", CloudEventEnvelope.SPEC_VERSION);
                g.writeStringField("id", id);
                g.writeStringField("source", source);
                g.writeStringField("type", type);
                if (subject != null) {
                    g.writeStringField("subject", subject);
                }
                if (time != null) {
                    g.writeStringField("time", time);
                }
                g.writeStringField("datacontenttype", CloudEventEnvelope.JSON);
                g.writeFieldName("data");
                g.writeRawValue(dataJson);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }

    /** A valid event for one outgoing data record; the type is the topic name, subject and key the customer id. */
    static Draft draft(Episode.Outgoing out, String customerId, Rand r) {
        return new Draft(out.topic(), customerId, r.uuid().toString(), out.source(), out.topic(), customerId,
                out.time().toString(), write(out.data()), r.chance(BINARY_SHARE));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an event", e);
        }
    }

    private static void putIfSet(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
