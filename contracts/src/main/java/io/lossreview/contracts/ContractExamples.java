package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the example events shipped with the contracts, for services' tests and demos. */
public final class ContractExamples {

    private ContractExamples() {
    }

    /** The whole CloudEvent of {@code examples/<type>/<name>.json}. */
    public static JsonNode event(String type, String name) {
        String resource = "examples/" + type + "/" + name + ".json";
        try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract example " + resource);
            }
            return ContractJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just the {@code data} of that example. */
    public static JsonNode data(String type, String name) {
        return event(type, name).get("data");
    }
}
