package io.lossreview.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lossreview.gateway.audit.AuditResource;
import io.lossreview.gateway.routes.AnalysisRoutes;
import io.lossreview.gateway.routes.ClassifierRoutes;
import io.lossreview.gateway.routes.CustomerRoutes;
import io.lossreview.gateway.routes.ReviewQueueRoutes;
import io.lossreview.gateway.routes.DashboardRoute;
import io.lossreview.gateway.routes.IngestRoutes;
import io.lossreview.gateway.routes.ReviewRoutes;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is valid OpenAPI and documents every public route: the routes are
 * found by reflection, so a new route without documentation fails here, naming what it lacks.
 */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class OpenApiDocumentTest {

    /** Every class with routes under /api/v1; a route class missing here is caught by the document's extra paths. */
    private static final List<Class<?>> ROUTE_CLASSES = List.of(
            AnalysisRoutes.class, ReviewQueueRoutes.class, ClassifierRoutes.class, CustomerRoutes.class, ReviewRoutes.class,
            IngestRoutes.class, DashboardRoute.class, AuditResource.class);
    private static final Set<String> TAGS = Set.of("Ingest", "Analysis", "Review", "Dashboard", "Audit", "Customers");
    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JAX-RS resource method as the code declares it. */
    record Route(String verb, String path, Method method) {

        String name() {
            return verb + " " + path;
        }

        List<Parameter> named() {
            return Arrays.stream(method.getParameters())
                    .filter(p -> p.isAnnotationPresent(PathParam.class) || p.isAnnotationPresent(QueryParam.class)
                            || p.isAnnotationPresent(HeaderParam.class) && !"Content-Type".equals(header(p)))
                    .toList();
        }

        boolean hasBody() {
            return Arrays.stream(method.getParameters()).anyMatch(p -> !p.isAnnotationPresent(PathParam.class)
                    && !p.isAnnotationPresent(QueryParam.class) && !p.isAnnotationPresent(HeaderParam.class)
                    && !p.isAnnotationPresent(Context.class));
        }

        boolean secured() {
            return !method.isAnnotationPresent(PermitAll.class) && (method.isAnnotationPresent(RolesAllowed.class)
                    || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class));
        }

        /** The route class talks to a service when it is handed a REST client. */
        boolean callsAService() {
            return Arrays.stream(method.getDeclaringClass().getConstructors())
                    .flatMap(c -> Arrays.stream(c.getParameters()))
                    .anyMatch(p -> p.isAnnotationPresent(RestClient.class));
        }

        List<String> produces() {
            Produces p = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                    : method.getDeclaringClass().getAnnotation(Produces.class);
            return p == null ? List.of() : List.of(p.value());
        }

        /** What Quarkus writes when a method has no summary of its own: "openAction" becomes "Open Action". */
        String generatedSummary() {
            return Arrays.stream(method.getName().split("(?=\\p{Upper})"))
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining(" "));
        }

        private static String header(Parameter p) {
            return p.getAnnotation(HeaderParam.class).value();
        }
    }

    @Test
    void isValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true); // follow the references, so a dangling one is reported
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(documentText(), null, options);
        assertEquals(List.of(), result.getMessages(), "the OpenAPI parser's validation messages");
        assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."), "an OpenAPI 3 document");
    }

    /** The parser names a dangling reference but not where it sits; this names the place. */
    @Test
    void everyReferenceResolves() {
        JsonNode doc = document();
        List<String> gaps = new ArrayList<>();
        danglingRefs(doc, doc, "", gaps);
        assertNoGaps(gaps);
    }

    @Test
    void documentsEveryRoute() {
        JsonNode doc = document();
        List<String> gaps = new ArrayList<>();
        for (Route route : routes()) {
            JsonNode op = doc.path("paths").path(route.path()).path(route.verb().toLowerCase());
            if (op.isMissingNode()) {
                gaps.add(route.name() + ": not in the document");
                continue;
            }
            describes(route, op, gaps);
            answers(route, op, doc, gaps);
            takes(route, op, doc, gaps);
            secures(route, op, gaps);
        }
        assertNoGaps(gaps);
    }

    @Test
    void documentsNoOtherApiOperations() {
        Set<String> declared = routes().stream().map(Route::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        document().path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                verb -> documented.add(verb.toUpperCase() + " " + path.getKey())));
        documented.removeAll(declared);
        assertEquals(Set.of(), documented, "operations in the document that no class in ROUTE_CLASSES declares "
                + "(add the class there, or keep the path out of the document like the web app's)");
    }

    /** Every example of a request or an answer is what its schema says, so schema and example cannot drift apart. */
    @Test
    void examplesMatchTheirSchemas() throws Exception {
        JsonNode doc = document();
        // The schemas go under $defs so the validator resolves their references as JSON Schema 2020-12 does.
        String defs = JSON.writeValueAsString(doc.at("/components/schemas"))
                .replace("#/components/schemas/", "#/$defs/");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        List<String> gaps = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> media : mediaTypes(doc, "", new ArrayList<>())) {
            JsonNode schema = media.getValue().path("schema");
            List<Map.Entry<String, JsonNode>> examples = new ArrayList<>();
            if (media.getValue().has("example")) {
                examples.add(Map.entry("example", media.getValue().get("example")));
            }
            media.getValue().path("examples").properties()
                    .forEach(e -> examples.add(Map.entry(e.getKey(), deref(doc, e.getValue()).path("value"))));
            if (schema.isMissingNode() || examples.isEmpty()) {
                continue;
            }
            ObjectNode wrapped = (ObjectNode) JSON.readTree(
                    JSON.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/"));
            wrapped.set("$defs", JSON.readTree(defs));
            var validator = factory.getSchema(wrapped);
            for (Map.Entry<String, JsonNode> example : examples) {
                checked++;
                for (ValidationMessage m : validator.validate(example.getValue())) {
                    gaps.add(media.getKey() + " example '" + example.getKey() + "': " + m.getMessage());
                }
            }
        }
        assertTrue(checked >= 20, "examples checked: " + checked);
        assertNoGaps(gaps);
    }

    /** One relative server: clients resolve the paths against wherever they fetched the document, no host baked in. */
    @Test
    void namesTheGatewayItselfAsTheServer() {
        JsonNode servers = document().path("servers");
        assertEquals(1, servers.size(), "servers: " + servers);
        assertEquals("/", servers.path(0).path("url").asText(), "servers: " + servers);
    }

    @Test
    void leavesTheWebAppOut() {
        List<String> pages = new ArrayList<>();
        document().path("paths").fieldNames().forEachRemaining(p -> {
            if (!p.startsWith("/api/v1/")) {
                pages.add(p);
            }
        });
        assertEquals(List.of(), pages, "paths outside /api/v1 (the web app's pages are HTML for people, not API)");
    }

    private static void describes(Route route, JsonNode op, List<String> gaps) {
        String summary = op.path("summary").asText("");
        if (summary.isBlank()) {
            gaps.add(route.name() + ": no summary");
        } else if (summary.equals(route.generatedSummary())) {
            gaps.add(route.name() + ": only the summary Quarkus made up from the method name ('" + summary + "')");
        }
        if (op.path("description").asText("").isBlank()) {
            gaps.add(route.name() + ": no description");
        }
        // Client generators name their methods after it (deploy/local/lint-contracts.sh checks none repeats).
        if (!op.path("operationId").asText("").matches("[a-z][A-Za-z]+")) {
            gaps.add(route.name() + ": no camelCase operationId (@Operation(operationId = ...))");
        }
        if (StreamSupport.stream(op.path("tags").spliterator(), false).noneMatch(t -> TAGS.contains(t.asText()))) {
            gaps.add(route.name() + ": no tag of " + new TreeSet<>(TAGS));
        }
    }

    private static void answers(Route route, JsonNode op, JsonNode doc, List<String> gaps) {
        JsonNode responses = op.path("responses");
        List<String> success = new ArrayList<>();
        responses.properties().forEach(r -> {
            JsonNode content = deref(doc, r.getValue()).path("content");
            if (r.getKey().startsWith("2")) {
                content.properties().forEach(c -> {
                    if (!c.getValue().path("schema").isEmpty()) {
                        success.add(c.getKey());
                    }
                });
            } else if (r.getKey().matches("[45]\\d\\d") && content.path(PROBLEM).path("schema").isEmpty()) {
                gaps.add(route.name() + ": its " + r.getKey() + " answer is no " + PROBLEM + " with a schema");
            }
        });
        if (success.isEmpty()) {
            gaps.add(route.name() + ": no 2xx answer with content and a schema");
        } else if (!success.containsAll(route.produces())) {
            gaps.add(route.name() + ": produces " + route.produces() + " but its 2xx answers document " + success);
        }
        List<String> needed = new ArrayList<>(List.of("429"));
        if (!route.named().isEmpty() || route.hasBody()) {
            needed.add("400");
        }
        if (route.secured()) {
            needed.addAll(List.of("401", "403"));
        }
        if (route.callsAService()) {
            needed.add("503");
        }
        needed.stream().filter(code -> !responses.has(code))
                .forEach(code -> gaps.add(route.name() + ": no " + code + " answer"));
    }

    private static void takes(Route route, JsonNode op, JsonNode doc, List<String> gaps) {
        for (Parameter p : route.named()) {
            String name = nameOf(p);
            JsonNode documented = StreamSupport.stream(op.path("parameters").spliterator(), false)
                    .map(d -> deref(doc, d)).filter(d -> name.equals(d.path("name").asText())).findFirst().orElse(null);
            if (documented == null) {
                gaps.add(route.name() + ": parameter '" + name + "' is not documented");
                continue;
            }
            String what = route.name() + ": parameter '" + name + "' ";
            if (documented.path("description").asText("").isBlank()) {
                gaps.add(what + "has no description");
            }
            JsonNode example = documented.has("example") ? documented.get("example") : documented.path("examples");
            if (example.isMissingNode() || example.isEmpty() && example.isContainerNode()) {
                gaps.add(what + "has no example");
            }
            JsonNode schema = documented.path("schema");
            if (List.of("month", "from", "to").contains(name) && !example.asText().matches("\\d{4}-\\d{2}")) {
                gaps.add(what + "should show a month such as 2025-12, shows " + example);
            }
            if ("page".equals(name) && schema.path("minimum").asInt(-1) != 0) {
                gaps.add(what + "should say it starts at 0");
            }
            if ("size".equals(name) && (schema.path("minimum").asInt(-1) != 1
                    || schema.path("maximum").asInt(-1) != AnalysisRoutes.MAX_PAGE_SIZE)) {
                gaps.add(what + "should say 1 to " + AnalysisRoutes.MAX_PAGE_SIZE);
            }
        }
        if (route.hasBody()) {
            JsonNode content = deref(doc, op.path("requestBody")).path("content");
            if (content.isEmpty()) {
                gaps.add(route.name() + ": takes a body but documents none");
            }
            content.properties().stream().filter(c -> c.getValue().path("schema").isEmpty())
                    .forEach(c -> gaps.add(route.name() + ": request body " + c.getKey() + " has no schema"));
        }
    }

    private static void secures(Route route, JsonNode op, List<String> gaps) {
        boolean bearer = StreamSupport.stream(op.path("security").spliterator(), false).anyMatch(s -> s.has("bearer"));
        if (route.secured() && !bearer) {
            gaps.add(route.name() + ": no bearer security requirement");
        }
        if (!route.secured() && (bearer || !op.path("security").isEmpty())) {
            gaps.add(route.name() + ": needs no token, yet documents the security " + op.path("security"));
        }
    }

    /** The routes under /api/v1 of the route classes, path templates as OpenAPI writes them. */
    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : ROUTE_CLASSES) {
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
                    if (verb == null) {
                        continue;
                    }
                    String sub = m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : "";
                    String path = (base + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}")
                            .replaceAll("(.)/$", "$1");
                    if (path.startsWith("/api/v1/")) {
                        routes.add(new Route(verb.value(), path, m));
                    }
                }
            }
        }
        assertTrue(routes.size() >= 29, "routes found by reflection: " + routes.size());
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::verb));
        return routes;
    }

    private static String nameOf(Parameter p) {
        return p.isAnnotationPresent(PathParam.class) ? p.getAnnotation(PathParam.class).value()
                : p.isAnnotationPresent(QueryParam.class) ? p.getAnnotation(QueryParam.class).value()
                : p.getAnnotation(HeaderParam.class).value();
    }

    /** Every media type object ("content" entries) anywhere in the document, keyed by where it is. */
    private static List<Map.Entry<String, JsonNode>> mediaTypes(JsonNode node, String at,
                                                                List<Map.Entry<String, JsonNode>> found) {
        node.properties().forEach(f -> {
            if ("content".equals(f.getKey()) && f.getValue().isObject() && !at.contains("/examples/")) {
                f.getValue().properties().forEach(c -> found.add(Map.entry(at + " " + c.getKey(), c.getValue())));
            } else if (f.getValue().isObject() && !"schemas".equals(f.getKey())) {
                mediaTypes(f.getValue(), at + "/" + f.getKey(), found);
            }
        });
        return found;
    }

    private static void danglingRefs(JsonNode doc, JsonNode node, String at, List<String> gaps) {
        String ref = node.path("$ref").asText("");
        if (!ref.isEmpty() && (!ref.startsWith("#/") || doc.at(ref.substring(1)).isMissingNode())) {
            gaps.add(at + ": $ref " + ref + " points at nothing in the document");
        }
        if (node.isObject()) {
            node.properties().forEach(f -> danglingRefs(doc, f.getValue(), at + "/" + f.getKey(), gaps));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                danglingRefs(doc, node.get(i), at + "/" + i, gaps);
            }
        }
    }

    /** A node, or what its local "$ref" points to. */
    private static JsonNode deref(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    private static void assertNoGaps(List<String> gaps) {
        if (!gaps.isEmpty()) {
            fail("The OpenAPI document lacks " + gaps.size() + " thing(s):\n  " + String.join("\n  ", gaps));
        }
    }

    private static String documentText() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(documentText());
        } catch (Exception e) {
            throw new AssertionError("/q/openapi is no JSON", e);
        }
    }
}
