package io.lossreview.gateway.routes;

import io.lossreview.common.problem.Params;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The review part of /api/v1, routed to review-scheduler. Executives see only their own
 * assignments (another's is a 404); contact data in briefs is read by ops, admins and the assigned
 * executive only, and every such read and every write is audited.
 */
@Path("/api/v1")
@SecurityRequirement(name = "bearer")
public class ReviewRoutes {

    private static final String SCHEDULER = "review-scheduler";

    private final SchedulerRoutesClient scheduler;
    private final Executives executives;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public ReviewRoutes(@RestClient SchedulerRoutesClient scheduler, Executives executives, SecurityIdentity identity,
                        AuditLog audit) {
        this.scheduler = scheduler;
        this.executives = executives;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("packets/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response packet(@PathParam("month") String month, @QueryParam("revision") Integer revision) {
        String m = Params.month("month", month).toString();
        return Downstream.call(SCHEDULER, () -> scheduler.packet(m, revision));
    }

    @GET
    @Path("packets/{month}.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response html(@PathParam("month") String month, @QueryParam("revision") Integer revision) {
        String m = Params.month("month", month).toString();
        return Downstream.call(SCHEDULER, () -> scheduler.html(m, revision));
    }

    @GET
    @Path("packets/{month}.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response pdf(@PathParam("month") String month, @QueryParam("revision") Integer revision,
                        @QueryParam("paper") String paper) {
        String m = Params.month("month", month).toString();
        String size = paper == null ? null : Params.oneOf("paper", paper, List.of("a4", "letter"));
        return Downstream.call(SCHEDULER, () -> scheduler.pdf(m, revision, size));
    }

    @GET
    @Path("packets/{month}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response revisions(@PathParam("month") String month) {
        String m = Params.month("month", month).toString();
        return Downstream.call(SCHEDULER, () -> scheduler.revisions(m));
    }

    @POST
    @Path("packets/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Build (or rebuild) a month's packet")
    public Response build(@PathParam("month") String month, @Context UriInfo uri) {
        String m = Params.month("month", month).toString();
        return audited("build-packet", "POST", uri, m, () -> scheduler.build(m));
    }

    @GET
    @Path("executives")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response executives() {
        return Downstream.call(SCHEDULER, scheduler::executives);
    }

    @PUT
    @Path("executives/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response putExecutive(@PathParam("id") String id, String body, @Context UriInfo uri) {
        return audited("put-executive", "PUT", uri, id, () -> scheduler.putExecutive(id, body));
    }

    @GET
    @Path("assignments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response assignments(@QueryParam("month") String month, @QueryParam("executive") String executive,
                                @Context UriInfo uri) {
        String m = month == null ? null : Params.month("month", month).toString();
        return audited("read-contact-data", "GET", uri, m, () -> scheduler.assignments(m, executive));
    }

    @GET
    @Path("me/assignments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EXECUTIVE)
    @Operation(summary = "The calling executive's own assignments with their briefs")
    public Response mine(@Context UriInfo uri) {
        String me = executives.required(identity);
        return audited("read-contact-data", "GET", uri, me, () -> scheduler.assignments(null, me));
    }

    @GET
    @Path("assignments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response assignment(@PathParam("id") String id, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "read-contact-data", "GET", uri.getPath(), uuid, () -> {
            Response r = Downstream.call(SCHEDULER, () -> scheduler.assignment(uuid));
            ownOrHidden(r, uuid);
            return r;
        });
    }

    @PUT
    @Path("assignments/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response outcome(@PathParam("id") String id, String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        ownOrHidden(Downstream.call(SCHEDULER, () -> scheduler.assignment(uuid)), uuid);
        return audited("record-outcome", "PUT", uri, uuid, () -> scheduler.outcome(uuid, name(), body));
    }

    @POST
    @Path("assignments/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response reassign(@PathParam("id") String id, String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audited("reassign-call", "POST", uri, uuid, () -> scheduler.reassign(uuid, name(), body));
    }

    @GET
    @Path("actions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    public Response actions(@QueryParam("status") String status) {
        return Downstream.call(SCHEDULER, () -> scheduler.actions(status));
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response openAction(String body, @Context UriInfo uri) {
        return audited("open-action", "POST", uri, null, () -> scheduler.openAction(name(), body));
    }

    @PUT
    @Path("actions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    public Response changeAction(@PathParam("id") String id, String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audited("change-action", "PUT", uri, uuid, () -> scheduler.changeAction(uuid, name(), body));
    }

    /** An executive may only see their own assignment; another's is "not found", not "forbidden". */
    private void ownOrHidden(Response assignment, String id) {
        if (assignment.getStatus() != 200 || !identity.hasRole(Roles.EXECUTIVE)
                || identity.hasRole(Roles.OPS) || identity.hasRole(Roles.ADMIN)) {
            return;
        }
        String owner = executives.json(assignment).path("executiveId").asText();
        if (!owner.equals(executives.idOf(identity).orElse(null))) {
            throw ProblemException.notFound("assignment", id);
        }
    }

    private Response audited(String action, String method, UriInfo uri, String target, Supplier<Response> call) {
        return audit.around(identity, action, method, uri.getPath(), target, () -> Downstream.call(SCHEDULER, call));
    }

    private String name() {
        return identity.getPrincipal().getName();
    }
}
