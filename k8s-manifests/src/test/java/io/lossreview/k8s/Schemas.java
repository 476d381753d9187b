package io.lossreview.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The schema of every kind deploy/k8s renders, from the committed sources (schemas/README.md): Kubernetes'
 * own kinds from its OpenAPI definitions, made strict (an object schema with properties and no
 * additionalProperties admits no other field: the API server would reject or drop it); custom resources from
 * their CRDs' openAPIV3Schema, checked by the validator and, since a structural schema never says
 * additionalProperties: false, field by field by {@link StrictFields}. Every object's metadata is checked
 * against Kubernetes' ObjectMeta. Formats are not asserted (Kubernetes' int32/int64/byte are no JSON Schema
 * formats) and CEL rules (x-kubernetes-validations) are not evaluated: the API server does both.
 */
final class Schemas {

    static final String DEFINITIONS = "schemas/kubernetes/kubernetes-1.34-definitions.json";
    static final String CRDS = "schemas/crds";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static final Schemas INSTANCE = new Schemas();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(false)
            .build();
    private final ObjectNode definitions;
    /** "apiVersion kind" of a Kubernetes kind -> its definition's name. */
    private final Map<String, String> kubernetesKinds = new HashMap<>();
    /** "apiVersion kind" of a custom resource -> its openAPIV3Schema, as the CRD has it. */
    private final Map<String, JsonNode> customKinds = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    private Schemas() {
        try (var in = Repo.resource(DEFINITIONS)) {
            JsonNode source = Repo.JSON.readTree(in).path("definitions");
            definitions = Repo.JSON.createObjectNode();
            source.fields().forEachRemaining(e -> definitions.set(e.getKey(), strict(special(e.getKey(), e.getValue()))));
            source.fields().forEachRemaining(e -> e.getValue().path("x-kubernetes-group-version-kind").forEach(gvk ->
                    kubernetesKinds.put(key(apiVersion(gvk.path("group").asText(), gvk.path("version").asText()),
                            gvk.path("kind").asText()), e.getKey())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : crdFiles()) {
            for (JsonNode crd : Repo.yamlDocuments(read(file))) {
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean(false)) {
                        customKinds.put(key(apiVersion(group, version.path("name").asText()), kind),
                                version.path("schema").path("openAPIV3Schema"));
                    }
                }
            }
        }
    }

    static Schemas get() {
        return INSTANCE;
    }

    /** Every way the object breaks its schema, each as "pointer: message"; empty when it is valid. */
    synchronized List<String> violations(JsonNode object) {
        String key = key(object.path("apiVersion").asText(), object.path("kind").asText());
        List<String> found = new ArrayList<>();
        if (kubernetesKinds.containsKey(key)) {
            found.addAll(validate(kubernetes(kubernetesKinds.get(key)), object));
        } else if (customKinds.containsKey(key)) {
            JsonNode schema = customKinds.get(key);
            found.addAll(validate(compiled.computeIfAbsent(key, k -> factory.getSchema(openApiToJsonSchema(schema), config)), object));
            StrictFields.check(object, schema, found);
            found.addAll(validate(kubernetes(OBJECT_META), object.path("metadata")).stream().map(v -> "/metadata" + v).toList());
        } else {
            found.add("no schema for " + key + ": add its CRD or Kubernetes definition (k8s-manifests/README.md)");
        }
        return found;
    }

    boolean knows(String apiVersion, String kind) {
        return kubernetesKinds.containsKey(key(apiVersion, kind)) || customKinds.containsKey(key(apiVersion, kind));
    }

    private JsonSchema kubernetes(String definition) {
        return compiled.computeIfAbsent("#" + definition, k -> {
            ObjectNode root = Repo.JSON.createObjectNode();
            root.set("definitions", definitions);
            root.putArray("allOf").addObject().put("$ref", "#/definitions/" + definition);
            return factory.getSchema(root, config);
        });
    }

    private static List<String> validate(JsonSchema schema, JsonNode value) {
        return schema.validate(value).stream().map(Schemas::describe).sorted().toList();
    }

    private static String describe(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        return (at.isEmpty() ? "/" : at) + ": " + m.getMessage();
    }

    /** Kubernetes' two types that are not what their definition says: IntOrString and Quantity take numbers too. */
    private static JsonNode special(String name, JsonNode definition) {
        return switch (name) {
            case "io.k8s.apimachinery.pkg.util.intstr.IntOrString" -> anyOf("integer", "string");
            case "io.k8s.apimachinery.pkg.api.resource.Quantity" -> anyOf("string", "number");
            default -> definition;
        };
    }

    private static JsonNode anyOf(String... types) {
        ObjectNode node = Repo.JSON.createObjectNode();
        ArrayNode anyOf = node.putArray("anyOf");
        for (String type : types) {
            anyOf.addObject().put("type", type);
        }
        return node;
    }

    /** Closes every object schema that lists its properties and says nothing of others. */
    static JsonNode strict(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        if (copy.has("properties") && !copy.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        if (copy.has("properties")) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            properties.fields().forEachRemaining(e -> e.setValue(strict(e.getValue())));
        }
        for (String keyword : List.of("items", "additionalProperties")) {
            if (copy.path(keyword).isObject()) {
                copy.set(keyword, strict(copy.get(keyword)));
            }
        }
        return copy;
    }

    /** OpenAPI v3 (as in CRDs) to JSON Schema: `nullable` admits null; int-or-string admits both. */
    static JsonNode openApiToJsonSchema(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode copy = Repo.JSON.createArrayNode();
            schema.forEach(item -> copy.add(openApiToJsonSchema(item)));
            return copy;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = Repo.JSON.createObjectNode();
        schema.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getKey().equals("enum") || e.getKey().equals("default")
                || e.getKey().equals("example") ? e.getValue() : openApiToJsonSchema(e.getValue())));
        if (copy.path("nullable").asBoolean(false) && copy.path("type").isTextual()) {
            copy.putArray("type").add(copy.get("type").asText()).add("null");
        }
        if (copy.path("x-kubernetes-int-or-string").asBoolean(false) && !copy.has("anyOf")) {
            copy.remove("type");
            copy.set("anyOf", anyOf("integer", "string").get("anyOf"));
        }
        return copy;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    private static List<Path> crdFiles() {
        try {
            Path directory = Path.of(Objects.requireNonNull(Schemas.class.getClassLoader().getResource(CRDS)).toURI());
            try (Stream<Path> files = Files.walk(directory)) {
                return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
