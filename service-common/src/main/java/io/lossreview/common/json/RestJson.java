package io.lossreview.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.lossreview.contracts.InputGuard;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper REST request bodies are read with: the application's, plus the input rules
 * ({@link InputGuard}): no duplicate keys, bounded depth and numbers, and no control character or
 * unpaired surrogate in any text ({@link GuardedText}). What PostgreSQL would refuse with a 500 is
 * a 400 naming the field and the rule. Only for REST: the application's own mapper reads stored
 * documents on the hot paths, where these checks cost a quarter of churn-ingest's throughput
 * (bench-ingest.sh) and guard nothing (what was stored was checked when it came in).
 */
@Provider
@Singleton
public class RestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper guarded;

    public RestJson(ObjectMapper application) {
        ObjectMapper copy = application.copy();
        copy.registerModule(new SimpleModule("guarded-text").addDeserializer(String.class, new GuardedText()));
        copy.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(InputGuard.MAX_DEPTH).maxNumberLength(InputGuard.MAX_NUMBER_CHARS).build());
        copy.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.guarded = copy;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return guarded;
    }
}
