package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which topics each service sends to and receives from, as contracts/src/main/resources/asyncapi.yaml says. */
final class AsyncApi {

    static final String FILE = "contracts/src/main/resources/asyncapi.yaml";

    private final Map<String, Set<String>> sends = new TreeMap<>();
    private final Map<String, Set<String>> receives = new TreeMap<>();

    private AsyncApi() {
        JsonNode document = Repo.yaml(FILE);
        document.path("operations").fields().forEachRemaining(e -> {
            JsonNode operation = e.getValue();
            String service = operation.path("x-service").asText();
            String ref = operation.path("channel").path("$ref").asText();
            if (!ref.startsWith("#/channels/")) {
                throw new IllegalStateException("operation " + e.getKey() + " has no channel reference");
            }
            String topic = document.path("channels").path(ref.substring("#/channels/".length())).path("address").asText();
            Map<String, Set<String>> target = switch (operation.path("action").asText()) {
                case "send" -> sends;
                case "receive" -> receives;
                default -> throw new IllegalStateException("operation " + e.getKey() + ": unknown action");
            };
            target.computeIfAbsent(service, s -> new TreeSet<>()).add(topic);
        });
    }

    static AsyncApi get() {
        return new AsyncApi();
    }

    Set<String> sends(String service) {
        return sends.getOrDefault(service, Set.of());
    }

    Set<String> receives(String service) {
        return receives.getOrDefault(service, Set.of());
    }
}
