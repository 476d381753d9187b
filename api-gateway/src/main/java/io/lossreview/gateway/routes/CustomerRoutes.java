package io.lossreview.gateway.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.problem.Params;
import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One customer's whole story in one answer: every loss with its stated reasons, classification, evidence and
 * cause history (defection-analyzer), and every executive call about them (review-scheduler). Contact data is in
 * it, so every read is audited, and executives get it masked outside their own live calls.
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Customers", description = "Find a customer and read their whole story")
@RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class CustomerRoutes {

    private static final String ANALYZER = "defection-analyzer";
    private static final String SCHEDULER = "review-scheduler";
    /** The longest customer id the inbound contracts accept (common.schema.json, $defs/id). */
    private static final int MAX_ID = 128;
    static final int MAX_QUERY = 100;

    private final AnalyzerRoutesClient analyzer;
    private final SchedulerRoutesClient scheduler;
    private final ContactPrivacy privacy;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final ObjectMapper mapper;

    public CustomerRoutes(@RestClient AnalyzerRoutesClient analyzer, @RestClient SchedulerRoutesClient scheduler,
                          ContactPrivacy privacy, SecurityIdentity identity, AuditLog audit, ObjectMapper mapper) {
        this.analyzer = analyzer;
        this.scheduler = scheduler;
        this.privacy = privacy;
        this.identity = identity;
        this.audit = audit;
        this.mapper = mapper;
    }

    @GET
    @Operation(operationId = "findCustomers",
            summary = "Find customers who left, by account name or customer id",
            description = "Exact id first, then id prefix, then name prefix, then name anywhere. No contact data.")
    @APIResponse(responseCode = "200", ref = "CustomerMatches", description = "The best matches")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response find(
            @Parameter(description = "Part of an account name, or the start of a customer id", required = true,
                    example = "acme", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = MAX_QUERY))
            @QueryParam("q") String q,
            @Parameter(description = "How many matches at most", example = "20", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY) {
            throw new InvalidInput("q", "length", "q must be 1 to " + MAX_QUERY + " characters (a name or an id)");
        }
        Integer n = Params.integer("limit", limit, 1, 50);
        return Downstream.call(ANALYZER, () -> analyzer.findCustomers(query, n));
    }

    @GET
    @Path("{customerId}")
    @Operation(operationId = "getCustomer",
            summary = "A customer's whole story: losses, stated reasons, cause history, calls and win-back",
            description = "Contact data is masked for executives outside their own open calls. Every read is audited.")
    @APIResponse(responseCode = "200", ref = "CustomerStory", description = "The customer")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response customer(
            @Parameter(description = "The customer id the billing or CRM system uses", example = "cus_1042")
            @PathParam("customerId") String customerId, @Context UriInfo uri) {
        String id = customerId(customerId);
        return privacy.forCaller(identity, audit.around(identity, "read-contact-data", "GET", uri.getPath(), id, () -> {
            Response story = Downstream.call(ANALYZER, () -> analyzer.customer(id));
            if (story.getStatus() != 200) {
                return story;
            }
            Response calls = Downstream.call(SCHEDULER, () -> scheduler.assignments(null, null, id));
            ObjectNode whole = (ObjectNode) json(story);
            whole.set("calls", calls.getStatus() == 200 ? json(calls) : mapper.createArrayNode());
            return Response.ok(write(whole), MediaType.APPLICATION_JSON_TYPE).build();
        }));
    }

    private static String customerId(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("customerId", "id", "customerId must be 1 to " + MAX_ID
                    + " printable characters, as the billing or CRM system sent it");
        }
        return value;
    }

    private JsonNode json(Response r) {
        try {
            return mapper.readTree(String.valueOf(r.getEntity()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service sent no JSON", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
    }
}
