package io.lossreview.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import io.lossreview.contracts.analysis.view.PacketInputs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates events, and defection-analyzer's REST views, against the contract JSON Schemas (draft 2020-12) on the
 * classpath. All schemas are compiled once, up front; an instance is immutable and safe to share between threads. An
 * empty list means valid; violations come sorted by pointer, then rule, each pointer relative to the whole event (or
 * view).
 */
public final class ContractSchemas {

    public static final String LOCATION = "classpath:schemas/";
    public static final String ENVELOPE_SCHEMA = "cloudevent.schema.json";
    /** One {@code $defs} entry per record of the view package, named after it (nested records as Outer.Inner). */
    public static final String VIEWS_SCHEMA = "analysis-views.schema.json";

    private static final String VIEW_PACKAGE = PacketInputs.class.getPackageName();

    /** Keywords whose message points at the parent object and names the offending property separately. */
    private static final Set<String> PROPERTY_RULES =
            Set.of("required", "dependentRequired", "additionalProperties", "unevaluatedProperties");

    /** Stable, readable order: by location in the document, then rule. */
    private static final Comparator<Violation> ORDER =
            Comparator.comparing(Violation::pointer).thenComparing(Violation::rule);

    private final JsonSchema envelope;
    private final Map<String, JsonSchema> dataSchemas = new LinkedHashMap<>();
    private final Map<String, JsonSchema> viewSchemas = new LinkedHashMap<>();

    private ContractSchemas() {
        // Relative $id values resolve against the classpath location, so $ref "common.schema.json#/..." needs no mapping.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true) // 2020-12 treats format as annotation only unless asked
                .pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(ContractSchemas::ecmaRegex)
                .build();
        envelope = load(factory, config, ENVELOPE_SCHEMA);
        EventTypes.schemaFiles().forEach((type, file) -> dataSchemas.put(type, load(factory, config, file)));
        load(factory, config, VIEWS_SCHEMA).getSchemaNode().path("$defs").fieldNames().forEachRemaining(
                name -> viewSchemas.put(name, load(factory, config, VIEWS_SCHEMA + "#/$defs/" + name)));
    }

    private static final class Holder {
        static final ContractSchemas INSTANCE = new ContractSchemas();
    }

    public static ContractSchemas get() {
        return Holder.INSTANCE;
    }

    /** Envelope violations, pointers relative to the event ("/specversion"). Does not look inside data. */
    public List<Violation> validateEnvelope(JsonNode envelope) {
        return violations(this.envelope, envelope, "");
    }

    /**
     * Data violations for a known type, pointers prefixed with "/data".
     *
     * @throws IllegalArgumentException for a type not in {@link EventTypes}
     */
    public List<Violation> validateData(String eventType, JsonNode data) {
        JsonSchema schema = eventType == null ? null : dataSchemas.get(eventType);
        if (schema == null) {
            throw new IllegalArgumentException("unknown event type: " + eventType);
        }
        return violations(schema, data == null ? NullNode.getInstance() : data, "/data");
    }

    /** Envelope, then data by the event's type; an unknown type is reported as rule "unknown-type" at "/type". */
    public List<Violation> validateEvent(JsonNode event) {
        List<Violation> result = new ArrayList<>(validateEnvelope(event));
        JsonNode type = event.path("type");
        if (!type.isTextual()) {
            return result; // already reported by the envelope schema
        }
        if (!EventTypes.isKnown(type.textValue())) {
            result.add(new Violation("/type", "unknown-type", "unknown event type '" + type.textValue() + "'"));
        } else if (event.path("data").isObject()) { // a missing or non-object data is an envelope violation already
            result.addAll(validateData(type.textValue(), event.get("data")));
        }
        return result;
    }

    /**
     * Violations of one of defection-analyzer's REST views as sent (decimals as strings, no nulls), e.g.
     * {@code validateView(PacketInputs.class, json)}; pointers relative to the view ("/summary/customers").
     *
     * @throws IllegalArgumentException for a class that is not a view of {@code io.lossreview.contracts.analysis.view}
     */
    public List<Violation> validateView(Class<?> view, JsonNode json) {
        JsonSchema schema = view == null ? null : viewSchemas.get(viewSchemaName(view));
        if (schema == null) {
            throw new IllegalArgumentException("not an analyzer view: " + (view == null ? null : view.getName()));
        }
        return violations(schema, json == null ? NullNode.getInstance() : json, "");
    }

    /**
     * The view's {@code $defs} name in {@link #VIEWS_SCHEMA}: its name inside the view package ("Breakdown.Bucket"), or
     * null for a class outside it.
     */
    static String viewSchemaName(Class<?> view) {
        return view.getPackageName().equals(VIEW_PACKAGE)
                ? view.getName().substring(VIEW_PACKAGE.length() + 1).replace('$', '.')
                : null;
    }

    private static List<Violation> violations(JsonSchema schema, JsonNode node, String prefix) {
        List<Violation> result = new ArrayList<>();
        for (ValidationMessage m : schema.validate(node)) {
            String pointer = prefix + m.getInstanceLocation().toString();
            if (PROPERTY_RULES.contains(m.getType()) && m.getProperty() != null) {
                pointer += "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
            }
            result.add(new Violation(pointer, m.getType(), m.getError()));
        }
        result.sort(ORDER);
        return result;
    }

    /** {@code file} may carry a fragment, "x.schema.json#/$defs/Y", for one of its definitions. */
    private static JsonSchema load(JsonSchemaFactory factory, SchemaValidatorsConfig config, String file) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(LOCATION + file), config);
        schema.initializeValidators(); // resolve $refs now: fail fast, and no lazy work on the hot path
        return schema;
    }

    /**
     * JDK regex with an ECMA-262 end anchor. Java's "$" also matches before a final line break, so "USD\n" would pass
     * "^[A-Z]{3}$"; our patterns only use "$" as their last character, which becomes "\z".
     */
    private static RegularExpression ecmaRegex(String regex) {
        String anchored = regex.endsWith("$") && !regex.endsWith("\\$")
                ? regex.substring(0, regex.length() - 1) + "\\z"
                : regex;
        Pattern pattern = Pattern.compile(anchored);
        return value -> pattern.matcher(value).find();
    }
}
