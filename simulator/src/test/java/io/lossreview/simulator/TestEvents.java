package io.lossreview.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.ContractJson;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads simulated records back the way a consumer must: structured or binary CloudEvents. */
final class TestEvents {

    private static final Map<Long, SimulatedStream> CACHE = new ConcurrentHashMap<>();

    private TestEvents() {
    }

    /** A one-year stream of 300 customers a month (≈7k records), generated once per seed for all tests. */
    static SimulatedStream year(long seed) {
        return CACHE.computeIfAbsent(seed, s -> Simulation.generate(SimulationConfig.defaults(s, YearMonth.of(2025, 1), 12, 300)));
    }

    static boolean binary(SimEvent e) {
        return e.headers().containsKey("ce_id");
    }

    /** The structured-mode envelope of a record; for binary mode rebuilt from the ce_* headers. Throws if not JSON. */
    static ObjectNode envelope(SimEvent e) throws JsonProcessingException {
        JsonNode value = ContractJson.mapper().readTree(e.value());
        if (!binary(e)) {
            return (ObjectNode) value;
        }
        ObjectNode env = ContractJson.mapper().createObjectNode();
        e.headers().forEach((name, v) -> {
            if (name.startsWith("ce_")) {
                env.put(name.substring(3), v);
            }
        });
        env.put("datacontenttype", e.headers().get("content-type"));
        env.set("data", value);
        return env;
    }

    /** The data of a valid record. */
    static JsonNode data(SimEvent e) {
        try {
            return envelope(e).get("data");
        } catch (JsonProcessingException ex) {
            throw new AssertionError("not JSON: " + e.value(), ex);
        }
    }

    static String id(SimEvent e) {
        try {
            return envelope(e).path("id").asText();
        } catch (JsonProcessingException ex) {
            throw new AssertionError("not JSON: " + e.value(), ex);
        }
    }
}
