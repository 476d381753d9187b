package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every field of a custom resource must be in its CRD's schema. A structural schema never sets
 * additionalProperties: false, so a validator alone accepts a misspelt field; the API server then prunes
 * it, silently: a setting that was written and never applied. Open only where the schema says so
 * (additionalProperties, x-kubernetes-preserve-unknown-fields); the object's metadata is Kubernetes'
 * ObjectMeta, checked by {@link Schemas}.
 */
final class StrictFields {

    private static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf");

    private StrictFields() {
    }

    static void check(JsonNode resource, JsonNode schema, List<String> violations) {
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("metadata")) {
                visit(field.getValue(), property(schema, field.getKey()), "/" + field.getKey(), violations, schema);
            }
        }
    }

    private static void visit(JsonNode value, JsonNode schema, String pointer, List<String> violations, JsonNode parent) {
        if (schema == null) {
            if (!open(parent)) {
                violations.add(pointer + ": unknown field (not in the CRD's schema: the API server would drop it)");
            } else if (parent.path("additionalProperties").isObject()) {
                visit(value, parent.get("additionalProperties"), pointer, violations, null);
            }
            return;
        }
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                visit(field.getValue(), property(schema, field.getKey()), pointer + "/" + escape(field.getKey()), violations, schema);
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                visit(value.get(i), schema.get("items"), pointer + "/" + i, violations, null);
            }
        }
    }

    /** The schema of a named property, in the schema itself or any of its allOf/anyOf/oneOf branches. */
    private static JsonNode property(JsonNode schema, String name) {
        if (schema == null) {
            return null;
        }
        if (schema.path("properties").has(name)) {
            return schema.get("properties").get(name);
        }
        for (String combinator : COMBINATORS) {
            for (JsonNode branch : schema.path(combinator)) {
                JsonNode found = property(branch, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether an object of this schema may hold fields its properties do not name. */
    private static boolean open(JsonNode schema) {
        return schema == null
                || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                || schema.path("additionalProperties").isObject()
                || schema.path("additionalProperties").asBoolean(false);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
