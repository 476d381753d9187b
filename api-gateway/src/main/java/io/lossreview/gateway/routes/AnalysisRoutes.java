package io.lossreview.gateway.routes;

import io.lossreview.common.problem.Params;
import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The analysis part of /api/v1, routed to defection-analyzer. Parameters are checked here first,
 * so nonsense never leaves the gateway; the caller's name goes along with every change.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class AnalysisRoutes {

    private static final String ANALYZER = "defection-analyzer";

    private final AnalyzerRoutesClient analyzer;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public AnalysisRoutes(@RestClient AnalyzerRoutesClient analyzer, SecurityIdentity identity, AuditLog audit) {
        this.analyzer = analyzer;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("months/{month}/summary")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(summary = "A month's losses: customers, seats, MRR/ARR/lifetime value, changes, emerging causes")
    public Response summary(@PathParam("month") String month) {
        String m = Params.month("month", month).toString();
        return Downstream.call(ANALYZER, () -> analyzer.summary(m));
    }

    @GET
    @Path("months/{month}/causes")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response causes(@PathParam("month") String month, @QueryParam("rankBy") String rankBy) {
        String m = Params.month("month", month).toString();
        String by = rankBy == null ? null : Params.oneOf("rankBy", rankBy, java.util.List.of("arr", "customers", "composite"));
        return Downstream.call(ANALYZER, () -> analyzer.causes(m, by));
    }

    @GET
    @Path("months/{month}/breakdown")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response breakdown(@PathParam("month") String month, @QueryParam("by") String by) {
        String m = Params.month("month", month).toString();
        String dimension = by == null ? null
                : Params.oneOf("by", by, java.util.List.of("segment", "region", "plan", "tenure", "voluntary"));
        return Downstream.call(ANALYZER, () -> analyzer.breakdown(m, dimension));
    }

    @GET
    @Path("trends")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response trends(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cause") String cause) {
        String f = from == null ? null : Params.month("from", from).toString();
        String t = to == null ? null : Params.month("to", to).toString();
        return Downstream.call(ANALYZER, () -> analyzer.trends(f, t, cause));
    }

    @GET
    @Path("defections")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response defections(@QueryParam("month") String month, @QueryParam("cause") String cause,
                               @QueryParam("segment") String segment, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        String m = month == null ? null : Params.month("month", month).toString();
        return Downstream.call(ANALYZER, () -> analyzer.defections(m, cause, segment, page, size));
    }

    @GET
    @Path("defections/{id}")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(summary = "One defection, contact data included (ops and admin only; every read is audited)")
    public Response defection(@PathParam("id") String id, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "read-contact-data", "GET", uri.getPath(), uuid,
                () -> Downstream.call(ANALYZER, () -> analyzer.defection(uuid)));
    }

    @PUT
    @Path("defections/{id}/cause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response setCause(@PathParam("id") String id, String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "set-cause", "PUT", uri.getPath(), uuid,
                () -> Downstream.call(ANALYZER, () -> analyzer.setCause(uuid, principal(), body)));
    }

    @GET
    @Path("review-queue")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response reviewQueue(@QueryParam("month") String month, @QueryParam("page") Integer page,
                                @QueryParam("size") Integer size) {
        String m = month == null ? null : Params.month("month", month).toString();
        return Downstream.call(ANALYZER, () -> analyzer.reviewQueue(m, page, size));
    }

    @GET
    @Path("taxonomy")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response taxonomy() {
        return Downstream.call(ANALYZER, analyzer::taxonomy);
    }

    private String principal() {
        return identity.getPrincipal().getName();
    }
}
