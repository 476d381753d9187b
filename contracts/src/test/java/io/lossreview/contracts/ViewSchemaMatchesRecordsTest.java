package io.lossreview.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.analysis.view.AnalyzerExamples;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.contracts.analysis.view.PacketInputs;
import io.lossreview.contracts.analysis.view.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * analysis-views.schema.json and the view records cannot drift: one definition per record of the view package, named
 * after it, with exactly the record's components as properties, every primitive component required, and each
 * property's schema of the component's type, followed into nested records, lists, maps, enums and the event schemas
 * the views reuse (EmergingCause, StatedReason, DefectionChanged).
 */
class ViewSchemaMatchesRecordsTest {

    private static final String VIEW_PACKAGE = PacketInputs.class.getPackageName();
    /** Records of the view package that are not REST views. */
    private static final Set<Class<?>> NOT_VIEWS = Set.of(AnalyzerExamples.PacketInputsRequest.class);

    private static final Map<Class<?>, String> JSON_TYPES = Map.ofEntries(
            entry(String.class, "string"), entry(BigDecimal.class, "string"), entry(UUID.class, "string"),
            entry(YearMonth.class, "string"), entry(Instant.class, "string"), entry(LocalDate.class, "string"),
            entry(int.class, "integer"), entry(Integer.class, "integer"), entry(long.class, "integer"),
            entry(Long.class, "integer"), entry(double.class, "number"), entry(Double.class, "number"),
            entry(boolean.class, "boolean"), entry(Boolean.class, "boolean"));

    /** The one type argument each generic view is served with. */
    private static final Map<Object, Class<?>> SERVED_WITH = Map.of(Page.class, DefectionView.class);

    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    /** A schema node and the file its relative $refs resolve against. */
    private record At(String file, JsonNode node) {
    }

    static JsonNode definitions() {
        return file(ContractSchemas.VIEWS_SCHEMA).get("$defs");
    }

    static Stream<String> definitionNames() {
        List<String> names = new ArrayList<>();
        definitions().fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    @Test
    void oneDefinitionPerViewRecordNamedAfterIt() {
        Set<String> expected = viewTypes().stream().map(ContractSchemas::viewSchemaName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(definitionNames().toList()));
        assertTrue(expected.containsAll(List.of("PacketInputs", "MonthSummary.Split", "Breakdown.CauseFigure", "Page")),
                expected::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitionNames")
    void definitionFollowsItsRecord(String name) throws ClassNotFoundException {
        Class<?> type = Class.forName(VIEW_PACKAGE + "." + name.replace('.', '$'));
        assertEquals(name, ContractSchemas.viewSchemaName(type));
        checkType(name, type, new At(ContractSchemas.VIEWS_SCHEMA, definitions().get(name)));
    }

    @Test
    void defectionSegmentIsACrmSegmentOrUnknown() {
        Set<String> expected = Arrays.stream(Segment.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        expected.add("UNKNOWN");
        assertEquals(expected, strings(definitions().at("/DefectionView/properties/segment/enum")));
    }

    @Test
    void listBoundsAreThePacketConstants() {
        JsonNode packet = definitions().at("/PacketInputs/properties");
        assertEquals(PacketInputs.NOTABLE_LOSSES, packet.at("/largest/maxItems").asInt());
        assertEquals(PacketInputs.TOP_CAUSES, packet.at("/topCauses/maxItems").asInt());
        assertEquals(PacketInputs.TOP_CAUSES, packet.at("/largestByCause/maxProperties").asInt());
        assertEquals(PacketInputs.STORY_CANDIDATES, packet.at("/largestByCause/additionalProperties/maxItems").asInt());
    }

    @Test
    void everyViewObjectIsClosed() {
        TestResources.walkObjects(file(ContractSchemas.VIEWS_SCHEMA), "", (path, node) -> {
            if ("object".equals(node.path("type").asText())) {
                JsonNode extra = node.get("additionalProperties");
                boolean closed = extra != null && extra.isBoolean() && !extra.asBoolean();
                boolean typedMap = extra != null && extra.isObject() && node.has("propertyNames") && !node.has("properties");
                assertTrue(closed || typedMap, path);
            }
        });
    }

    /** The property's schema is of the Java type: records and containers recursively, enums by their constants. */
    private static void checkType(String where, Type type, At at) {
        At s = resolve(at);
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            checkRecord(where, raw, s);
        } else if (raw.isEnum()) {
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(constants, strings(s.node().get("enum")), where + " enum of " + raw.getSimpleName());
        } else if (Collection.class.isAssignableFrom(raw)) {
            assertEquals("array", s.node().path("type").asText(), where);
            checkType(where + "[]", argument(type, 0), new At(s.file(), s.node().get("items")));
        } else if (Map.class.isAssignableFrom(raw)) {
            assertEquals("object", s.node().path("type").asText(), where);
            assertEquals(String.class, argument(type, 0), where);
            checkType(where + "{}", argument(type, 1), new At(s.file(), s.node().get("additionalProperties")));
        } else {
            String json = JSON_TYPES.get(raw);
            assertNotNull(json, where + ": no JSON type known for " + raw);
            assertEquals(json, s.node().path("type").asText(), where + " (" + raw.getSimpleName() + ")");
        }
    }

    private static void checkRecord(String where, Class<?> record, At s) {
        assertEquals("object", s.node().path("type").asText(), where);
        assertFalse(s.node().path("additionalProperties").asBoolean(true), where + " is closed");
        Set<String> properties = new TreeSet<>();
        s.node().path("properties").fieldNames().forEachRemaining(properties::add);
        RecordComponent[] components = record.getRecordComponents();
        assertEquals(Arrays.stream(components).map(ViewSchemaMatchesRecordsTest::jsonName)
                .collect(Collectors.toCollection(TreeSet::new)), properties, where + " properties of " + record.getName());
        Set<String> required = strings(s.node().path("required"));
        for (RecordComponent c : components) {
            String name = jsonName(c);
            if (c.getType().isPrimitive()) {
                assertTrue(required.contains(name), where + "/" + name + " is a primitive, always sent: required");
            }
            checkType(where + "/" + name, c.getGenericType(), new At(s.file(), s.node().get("properties").get(name)));
        }
    }

    private static String jsonName(RecordComponent c) {
        JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? c.getName() : renamed.value();
    }

    /** Follows $refs (relative to the file they are in); sibling keywords of a $ref only narrow it. */
    private static At resolve(At at) {
        assertNotNull(at.node(), "no schema");
        At current = at;
        while (current.node().has("$ref")) {
            String ref = current.node().get("$ref").asText();
            int hash = ref.indexOf('#');
            String file = hash == 0 ? current.file() : hash < 0 ? ref : ref.substring(0, hash);
            JsonNode target = file(file).at(hash < 0 ? "" : ref.substring(hash + 1));
            assertFalse(target.isMissingNode(), "dangling $ref " + ref + " in " + current.file());
            current = new At(file, target);
        }
        return current;
    }

    private static JsonNode file(String name) {
        return FILES.computeIfAbsent(name, n -> TestResources.json("schemas/" + n));
    }

    private static Class<?> raw(Type type) {
        if (type instanceof TypeVariable<?> v) {
            Class<?> served = SERVED_WITH.get(v.getGenericDeclaration());
            assertNotNull(served, "type argument of " + v.getGenericDeclaration() + " not known");
            return served;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        assertTrue(type instanceof ParameterizedType, type + " has type arguments");
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static Set<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Records and enums of the view package, nested ones included, read from the compiled classes. */
    private static List<Class<?>> viewTypes() {
        try {
            Path dir = Path.of(PacketInputs.class.getResource(PacketInputs.class.getSimpleName() + ".class").toURI()).getParent();
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                        .<Class<?>>map(f -> load(VIEW_PACKAGE + "." + f.substring(0, f.length() - ".class".length())))
                        .filter(c -> (c.isRecord() || c.isEnum()) && !c.isAnonymousClass() && !NOT_VIEWS.contains(c))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return fail(e);
        }
    }

}
