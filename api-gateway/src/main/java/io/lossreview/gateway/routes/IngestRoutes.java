package io.lossreview.gateway.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.Params;
import io.lossreview.gateway.privacy.RejectedEventMasking;
import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The ingest part of /api/v1, routed to churn-ingest. Stripe authenticates with its signature, not a token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest", description = "Churn events from billing and CRM systems, rejected events and FX rates")
// Every route: the rate limit and churn-ingest's outages. 401/403 are per route: Stripe has no token.
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class IngestRoutes {

    private static final String INGEST = "churn-ingest";

    private final IngestRoutesClient ingest;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final ObjectMapper mapper;

    public IngestRoutes(@RestClient IngestRoutesClient ingest, SecurityIdentity identity, AuditLog audit,
                        ObjectMapper mapper) {
        this.mapper = mapper;
        this.ingest = ingest;
        this.identity = identity;
        this.audit = audit;
    }

    @POST
    @Path("events")
    @Consumes({"application/cloudevents+json", "application/cloudevents-batch+json"})
    @RolesAllowed(Roles.SOURCE_SYSTEM)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "submitEvents",
            summary = "One CloudEvent or a batch from a billing or CRM system",
            description = "Source systems only. A batch is all or nothing: any invalid event rejects the batch with "
                    + "every violation named. Events already recorded come back as duplicates, so retrying is safe.")
    @APIResponse(responseCode = "202", ref = "AcceptedEvents", description = "Recorded; accepted and duplicate ids")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response events(@HeaderParam("Content-Type") String contentType,
                           @RequestBody(ref = "CloudEvents") byte[] body, @Context UriInfo uri) {
        return audit.around(identity, "submit-events", "POST", uri.getPath(), null,
                () -> Downstream.call(INGEST, () -> ingest.events(contentType, body)));
    }

    @POST
    @Path("webhooks/stripe")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @SecurityRequirements // no bearer token: an explicit empty requirement list
    @Operation(operationId = "receiveStripeWebhook",
            summary = "Stripe's webhook; the Stripe-Signature header authenticates it",
            description = "No bearer token: Stripe signs the exact body. customer.subscription.deleted records a loss, "
                    + ".created a reactivation; other event types are acknowledged and ignored.")
    @APIResponse(responseCode = "200", ref = "StripeReceipt", description = "Received; Stripe stops retrying")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response stripe(
            @Parameter(description = "Stripe's signature of the body: t=<unix time>,v1=<HMAC-SHA256>", required = true,
                    example = "t=1743465605,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e7")
            @HeaderParam("Stripe-Signature") String signature,
            @RequestBody(ref = "StripeEvent") byte[] body) {
        return Downstream.call(INGEST, () -> ingest.stripe(signature, body));
    }

    @GET
    @Path("rejected-events")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listRejectedEvents",
            summary = "Events that failed validation, newest first",
            description = "Each with its violations and the payload as received, for correcting and replaying. "
                    + "E-mail addresses and phone numbers in them are masked for ops; admins see the raw records "
                    + "(audited), including payloads that are no text (payloadBase64).")
    @APIResponse(responseCode = "200", ref = "RejectedEvents", description = "One page of rejected events")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response rejected(
            @Parameter(ref = "Page") @QueryParam("page") String page,
            @Parameter(description = "Events per page", example = "50", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("size") String size,
            @Parameter(description = "Also list events replayed already", example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("includeReplayed") String includeReplayed) {
        Integer p = Params.integer("page", page, 0, AnalysisRoutes.MAX_PAGE);
        Integer n = Params.integer("size", size, 1, AnalysisRoutes.MAX_PAGE_SIZE);
        Boolean replayed = includeReplayed == null ? null
                : Boolean.valueOf(Params.oneOf("includeReplayed", includeReplayed, List.of("true", "false")));
        if (identity.hasRole(Roles.ADMIN)) {
            // The raw records, contacts and all: admins only, and audited like every read of contact data.
            return audit.around(identity, "read-contact-data", "GET", "/api/v1/rejected-events", null,
                    () -> Downstream.call(INGEST, () -> ingest.rejected(p, n, replayed)));
        }
        return masked(Downstream.call(INGEST, () -> ingest.rejected(p, n, replayed)));
    }

    @POST
    @Path("rejected-events/{id}/replay")
    @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "replayRejectedEvent",
            summary = "Submit a rejected event again, corrected or as it was",
            description = "An event can be replayed once; the replay is audited.")
    @APIResponse(responseCode = "200", ref = "AcceptedEvents", description = "Replayed; accepted or duplicate id")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response replay(
            @Parameter(ref = "Id") @PathParam("id") String id,
            @HeaderParam("Content-Type") String contentType,
            @RequestBody(ref = "CorrectedEvent") byte[] body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "replay-rejected-event", "POST", uri.getPath(), uuid,
                () -> Downstream.call(INGEST, () -> ingest.replay(uuid, contentType, body)));
    }

    @PUT
    @Path("fx-rates")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "loadFxRates",
            summary = "Load or correct dated FX rates",
            description = "Admins only, audited. Defections waiting for a rate are valued at once.")
    @APIResponse(responseCode = "200", ref = "FxLoadResult", description = "The rates were stored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response fxRates(@RequestBody(ref = "FxRates") byte[] csv, @Context UriInfo uri) {
        return audit.around(identity, "load-fx-rates", "PUT", uri.getPath(), null,
                () -> Downstream.call(INGEST, () -> ingest.fxRates(csv)));
    }

    @PUT
    @Path("subscriptions/opening-balance")
    @Consumes({"text/csv", "application/x-ndjson"})
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "loadOpeningBalance",
            summary = "Load the subscriptions active on a day (the customer base), from the billing system's export",
            description = "Admins only, audited. CSV with the header customerId,subscriptionId,mrr,currency (and optionally "
                    + "seats,plan,segment,region) or NDJSON with the same fields. Every bad cell is listed and nothing is "
                    + "loaded from a file with one; the same subscription and day sent again replaces it.")
    @APIResponse(responseCode = "200", ref = "OpeningBalanceLoaded", description = "The subscriptions were stored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response openingBalance(@QueryParam("asOf") @Parameter(description = "The day (yyyy-MM-dd) the subscriptions were active on", example = "2025-01-01",
            required = true) String asOf, @HeaderParam("Content-Type") String contentType,
                                   @RequestBody(ref = "OpeningBalance") byte[] body, @Context UriInfo uri) {
        String day = Params.date("asOf", asOf).toString();
        return audit.around(identity, "load-opening-balance", "PUT", uri.getPath(), day,
                () -> Downstream.call(INGEST, () -> ingest.openingBalance(day, contentType, body)));
    }

    /** The listing with contacts masked (RejectedEventMasking); a problem is passed on as it is. */
    private Response masked(Response answer) {
        if (answer.getStatus() != 200 || !(answer.getEntity() instanceof String body)) {
            return answer;
        }
        try {
            JsonNode listing = RejectedEventMasking.mask(mapper.readTree(body), mapper);
            return Response.fromResponse(answer).entity(mapper.writeValueAsString(listing)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("churn-ingest sent no JSON", e);
        }
    }
}
