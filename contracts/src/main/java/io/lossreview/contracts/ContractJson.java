package io.lossreview.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.time.Instant;

/** The JSON settings every producer and consumer of the contracts should use. */
public final class ContractJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private ContractJson() {
    }

    /** Shared, preconfigured mapper. Thread-safe; do not reconfigure it (use {@link #newMapper()} for that). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the contract settings. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the contract settings to an existing mapper, e.g. from a Quarkus ObjectMapperCustomizer. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                // Registered after JavaTimeModule, so it wins for Instant.
                .registerModule(new SimpleModule("fast-instants").addDeserializer(Instant.class, new IsoInstants.Deserializer()))
                .registerModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Tolerant reader: a newer producer may add fields before every consumer knows them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }
}
