package io.lossreview.gateway.routes;

import io.lossreview.common.problem.Params;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The ingest part of /api/v1, routed to churn-ingest. Stripe authenticates with its signature, not a token. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class IngestRoutes {

    private static final String INGEST = "churn-ingest";

    private final IngestRoutesClient ingest;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public IngestRoutes(@RestClient IngestRoutesClient ingest, SecurityIdentity identity, AuditLog audit) {
        this.ingest = ingest;
        this.identity = identity;
        this.audit = audit;
    }

    @POST
    @Path("events")
    @Consumes({"application/cloudevents+json", "application/cloudevents-batch+json"})
    @RolesAllowed(Roles.SOURCE_SYSTEM)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One CloudEvent or a batch from a billing or CRM system")
    public Response events(@HeaderParam("Content-Type") String contentType, byte[] body, @Context UriInfo uri) {
        return audit.around(identity, "submit-events", "POST", uri.getPath(), null,
                () -> Downstream.call(INGEST, () -> ingest.events(contentType, body)));
    }

    @POST
    @Path("webhooks/stripe")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Stripe's webhook; the Stripe-Signature header authenticates it")
    public Response stripe(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        return Downstream.call(INGEST, () -> ingest.stripe(signature, body));
    }

    @GET
    @Path("rejected-events")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    public Response rejected(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                             @QueryParam("includeReplayed") Boolean includeReplayed) {
        return Downstream.call(INGEST, () -> ingest.rejected(page, size, includeReplayed));
    }

    @POST
    @Path("rejected-events/{id}/replay")
    @Consumes({"application/cloudevents+json", MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    public Response replay(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType, byte[] body,
                           @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "replay-rejected-event", "POST", uri.getPath(), uuid,
                () -> Downstream.call(INGEST, () -> ingest.replay(uuid, contentType, body)));
    }

    @PUT
    @Path("fx-rates")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    public Response fxRates(byte[] csv, @Context UriInfo uri) {
        return audit.around(identity, "load-fx-rates", "PUT", uri.getPath(), null,
                () -> Downstream.call(INGEST, () -> ingest.fxRates(csv)));
    }
}
