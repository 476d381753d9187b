package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** House rules every schema file follows, checked mechanically so new schemas cannot drift. */
class SchemaConventionsTest {

    static List<String> schemaFiles() {
        return TestResources.jsonFiles("schemas");
    }

    static Stream<String> dataTypes() {
        return EventTypes.all().stream();
    }

    @Test
    void schemaDirectoryHoldsExactlyTheKnownSchemas() {
        Set<String> expected = new TreeSet<>(EventTypes.schemaFiles().values());
        expected.add("common.schema.json");
        expected.add(ContractSchemas.ENVELOPE_SCHEMA);
        expected.add(ContractSchemas.VIEWS_SCHEMA);
        assertEquals(expected, schemaFiles().stream().map(f -> f.substring("schemas/".length()))
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void isDraft2020WithItsFileNameAsRelativeId(String file) {
        JsonNode schema = TestResources.json(file);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(file.substring("schemas/".length()), schema.path("$id").asText());
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everyStringIsBounded(String file) {
        TestResources.walkObjects(TestResources.json(file), "", (path, node) -> {
            if ("string".equals(node.path("type").asText())) {
                assertTrue(node.has("maxLength") || node.has("enum") || node.has("const")
                        || boundedPattern(node.path("pattern").asText()), file + " " + path);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everyRequiredPropertyIsDeclared(String file) {
        TestResources.walkObjects(TestResources.json(file), "", (path, node) -> node.path("required").forEach(name -> {
            JsonNode declared = node.has("properties") ? node.get("properties") : null;
            // Conditional "then" branches name properties declared by their parent object.
            if (declared != null) {
                assertTrue(declared.has(name.asText()), file + " " + path + " declares " + name);
            }
        }));
    }

    @ParameterizedTest
    @MethodSource("dataTypes")
    void topLevelPropertiesAreTheRecordComponents(String type) {
        JsonNode schema = TestResources.json("schemas/" + EventTypes.schemaFileOf(type));
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = Arrays.stream(EventTypes.dataClassOf(type).getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, properties);
    }

    @ParameterizedTest
    @MethodSource("dataTypes")
    void inboundIsOpenOutboundIsClosed(String type) {
        JsonNode schema = TestResources.json("schemas/" + EventTypes.schemaFileOf(type));
        List<String> open = new ArrayList<>();
        TestResources.walkObjects(schema, "", (path, node) -> {
            boolean object = "object".equals(node.path("type").asText());
            boolean openRef = node.path("$ref").asText().matches(".*/(money|contact)$");
            boolean closed = node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()
                    || node.path("unevaluatedProperties").isBoolean() && !node.get("unevaluatedProperties").asBoolean();
            if ((object || openRef) && !closed) {
                open.add(path.isEmpty() ? "/" : path);
            }
        });
        if (EventTypes.inbound().contains(type)) {
            assertTrue(open.contains("/"), "inbound top level is open");
            assertFalse(schema.has("additionalProperties"));
        } else {
            assertEquals(List.of(), open, "outbound objects must be closed");
        }
    }

    /** An anchored pattern without *, + or {n,} cannot match an unbounded string. */
    private static boolean boundedPattern(String pattern) {
        return pattern.startsWith("^") && pattern.endsWith("$") && !pattern.matches(".*([*+]|,}).*");
    }

    @Test
    void closedCommonObjectsMirrorTheOpenOnes() {
        JsonNode defs = TestResources.json("schemas/common.schema.json").get("$defs");
        assertEquals(defs.at("/money/properties"), defs.at("/closedMoney/properties"));
        assertEquals(defs.at("/money/required"), defs.at("/closedMoney/required"));
        assertEquals(defs.at("/contact/properties"), defs.at("/closedContact/properties"));
    }

}
