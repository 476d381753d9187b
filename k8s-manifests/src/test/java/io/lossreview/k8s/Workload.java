package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service's rendered Deployment and what its container's environment resolves to. */
record Workload(Rendered rendered, String service, JsonNode deployment, JsonNode container) {

    /** Where a variable's value comes from: a literal (value or ConfigMap) or a Secret's key. */
    record Source(String value, String secret, String secretKey) {
        boolean fromSecret() {
            return secret != null;
        }
    }

    static Workload of(Rendered rendered, String service) {
        JsonNode deployment = rendered.get("Deployment", service);
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        if (containers.size() != 1 || !service.equals(containers.get(0).path("name").asText())) {
            throw new AssertionError(rendered.overlay + ": Deployment " + service + " must run one container named " + service);
        }
        return new Workload(rendered, service, deployment, containers.get(0));
    }

    /** Every variable the container gets, in order, with duplicates reported as errors by {@link #duplicates()}. */
    Map<String, Source> environment() {
        Map<String, Source> environment = new LinkedHashMap<>();
        for (Entry e : entries()) {
            environment.putIfAbsent(e.name, e.source);
        }
        return environment;
    }

    /** Literal values only (what the service would read for settings, not secrets). */
    Map<String, String> literals() {
        Map<String, String> values = new LinkedHashMap<>();
        environment().forEach((k, v) -> {
            if (!v.fromSecret()) {
                values.put(k, v.value());
            }
        });
        return values;
    }

    List<String> duplicates() {
        List<String> seen = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (Entry e : entries()) {
            if (seen.contains(e.name)) {
                duplicates.add(e.name);
            }
            seen.add(e.name);
        }
        return duplicates;
    }

    JsonNode podSpec() {
        return deployment.at("/spec/template/spec");
    }

    JsonNode podLabels() {
        return deployment.at("/spec/template/metadata/labels");
    }

    /** A container port by name, or the number itself. */
    int port(JsonNode nameOrNumber) {
        if (nameOrNumber.isInt()) {
            return nameOrNumber.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (nameOrNumber.asText().equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError(rendered.overlay + ": " + service + " has no container port named " + nameOrNumber.asText());
    }

    private record Entry(String name, Source source) {
    }

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("secretRef") || from.has("prefix")) {
                throw new AssertionError(rendered.overlay + ": " + service + " takes a whole Secret or a prefix (envFrom): "
                        + "name each secret variable with secretKeyRef, so every variable is visible here");
            }
            JsonNode configMap = rendered.get("ConfigMap", from.at("/configMapRef/name").asText());
            configMap.path("data").fields().forEachRemaining(d -> entries.add(new Entry(d.getKey(), new Source(d.getValue().asText(), null, null))));
        }
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            JsonNode from = env.path("valueFrom");
            if (env.has("value")) {
                entries.add(new Entry(name, new Source(env.path("value").asText(), null, null)));
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.get("configMapKeyRef");
                JsonNode data = rendered.get("ConfigMap", ref.path("name").asText()).path("data");
                if (!data.has(ref.path("key").asText())) {
                    throw new AssertionError(rendered.overlay + ": " + service + " " + name + " refers to a missing key " + ref);
                }
                entries.add(new Entry(name, new Source(data.get(ref.path("key").asText()).asText(), null, null)));
            } else if (from.has("secretKeyRef")) {
                JsonNode ref = from.get("secretKeyRef");
                entries.add(new Entry(name, new Source(null, ref.path("name").asText(), ref.path("key").asText())));
            } else {
                throw new AssertionError(rendered.overlay + ": " + service + " " + name + ": unsupported source " + env);
            }
        }
        return entries;
    }
}
