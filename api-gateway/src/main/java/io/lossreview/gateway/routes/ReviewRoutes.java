package io.lossreview.gateway.routes;

import io.lossreview.common.error.NotFound;
import io.lossreview.common.problem.Params;
import io.lossreview.gateway.audit.AuditLog;
import io.lossreview.gateway.routes.csv.CsvResponses;
import io.lossreview.gateway.routes.csv.CsvRows;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The review part of /api/v1, routed to review-scheduler. Executives see only their own
 * assignments (another's is a 404); contact data in briefs is shown to ops, admins and the assigned
 * executive only (masked for anyone else, see ContactMasking), and every such read and every write is audited.
 */
@Path("/api/v1")
@SecurityRequirement(name = "bearer")
@Tag(name = "Review", description = "Packets, the roster, win-back calls and action items from review-scheduler")
// Every route: token, role, rate limit and the scheduler's outages; each method adds its own answers.
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@APIResponse(responseCode = "503", ref = "ServiceUnavailable")
public class ReviewRoutes {

    private static final String SCHEDULER = "review-scheduler";

    private final SchedulerRoutesClient scheduler;
    private final Executives executives;
    private final SecurityIdentity identity;
    private final AuditLog audit;
    private final ContactPrivacy privacy;

    public ReviewRoutes(@RestClient SchedulerRoutesClient scheduler, Executives executives, SecurityIdentity identity,
                        AuditLog audit, ContactPrivacy privacy) {
        this.scheduler = scheduler;
        this.executives = executives;
        this.identity = identity;
        this.audit = audit;
        this.privacy = privacy;
    }

    @GET
    @Path("packets/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getPacket",
            summary = "A month's review packet",
            description = "The latest revision, or ?revision=N. Contact data is masked for executives.")
    @APIResponse(responseCode = "200", ref = "Packet", description = "The packet")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response packet(
            @Parameter(ref = "MonthPath") @PathParam("month") String month,
            @Parameter(description = "A revision; the latest when absent", example = "2",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("revision") Integer revision) {
        String m = Params.month("month", month).toString();
        return privacy.forCaller(identity, Downstream.call(SCHEDULER, () -> scheduler.packet(m, revision)));
    }

    @GET
    @Path("packets/{month}.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getPacketHtml",
            summary = "A month's review packet as an HTML page", description = "The same content as the PDF.")
    @APIResponse(responseCode = "200", ref = "PacketHtml", description = "The page")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response html(
            @Parameter(ref = "MonthPath") @PathParam("month") String month,
            @Parameter(description = "A revision; the latest when absent", example = "2",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("revision") Integer revision) {
        String m = Params.month("month", month).toString();
        return Downstream.call(SCHEDULER, () -> scheduler.html(m, revision));
    }

    @GET
    @Path("packets/{month}.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getPacketPdf",
            summary = "A month's review packet as print-ready PDF", description = "A4 unless paper=letter.")
    @APIResponse(responseCode = "200", ref = "PacketPdf", description = "The PDF")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response pdf(
            @Parameter(ref = "MonthPath") @PathParam("month") String month,
            @Parameter(description = "A revision; the latest when absent", example = "2",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("revision") Integer revision,
            @Parameter(description = "Paper size", example = "a4",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"a4", "letter"}, defaultValue = "a4"))
            @QueryParam("paper") String paper) {
        String m = Params.month("month", month).toString();
        String size = paper == null ? null : Params.oneOf("paper", paper, List.of("a4", "letter"));
        return Downstream.call(SCHEDULER, () -> scheduler.pdf(m, revision, size));
    }

    @GET
    @Path("packets/{month}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "listPacketRevisions",
            summary = "A month's packet revisions and what changed in each",
            description = "Oldest first; empty when no packet was built for the month.")
    @APIResponse(responseCode = "200", ref = "PacketRevisions", description = "The revisions")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response revisions(
            @Parameter(ref = "MonthPath") @PathParam("month") String month) {
        String m = Params.month("month", month).toString();
        return Downstream.call(SCHEDULER, () -> scheduler.revisions(m));
    }

    @POST
    @Path("packets/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "buildPacket",
            summary = "Build (or rebuild) a month's packet",
            description = "Admins only, audited. A new revision only if the month's data changed, else the latest.")
    @APIResponse(responseCode = "200", ref = "Packet", description = "Nothing changed: the latest revision")
    @APIResponse(responseCode = "201", ref = "PacketBuilt", description = "A new revision")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response build(
            @Parameter(ref = "MonthPath") @PathParam("month") String month, @Context UriInfo uri) {
        String m = Params.month("month", month).toString();
        return audited("build-packet", "POST", uri, m, () -> scheduler.build(m));
    }

    @GET
    @Path("executives")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "listExecutives",
            summary = "The executive roster",
            description = "Who takes win-back calls, for which segments and regions.")
    @APIResponse(responseCode = "200", ref = "Executives", description = "The roster, by id")
    public Response executives() {
        return Downstream.call(SCHEDULER, scheduler::executives);
    }

    @PUT
    @Path("executives/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "upsertExecutive",
            summary = "Create or update an executive", description = "Admins only, audited.")
    @APIResponse(responseCode = "200", ref = "Executive", description = "The executive as stored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response putExecutive(
            @Parameter(description = "Lower-case letters, digits, dots and dashes", example = "ava",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z0-9][a-z0-9.-]{0,62}$"))
            @PathParam("id") String id,
            @RequestBody(ref = "ExecutiveChange") String body, @Context UriInfo uri) {
        return audited("put-executive", "PUT", uri, id, () -> scheduler.putExecutive(id, body));
    }

    @GET
    @Path("assignments")
    @Produces({MediaType.APPLICATION_JSON, CsvResponses.TEXT_CSV})
    @CsvRows(value = "", file = "calls")
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "listAssignments",
            summary = "A month's, an executive's or a customer's call assignments, with briefs",
            description = "Give month, executive or customerId. Briefs carry contact data, so every read is audited.")
    @APIResponse(responseCode = "200", ref = "CallAssignments", description = "The assignments")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response assignments(
            @Parameter(ref = "MonthQuery") @QueryParam("month") String month,
            @Parameter(description = "An executive's id", example = "ava") @QueryParam("executive") String executive,
            @Parameter(description = "A customer's id: their calls in every month", example = "cus_1042")
            @QueryParam("customerId") String customerId,
            @Context UriInfo uri) {
        String m = month == null ? null : Params.month("month", month).toString();
        String target = m != null ? m : customerId;
        return audited("read-contact-data", "GET", uri, target, () -> scheduler.assignments(m, executive, customerId));
    }

    @GET
    @Path("me/assignments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EXECUTIVE)
    @Operation(operationId = "listMyAssignments",
            summary = "The calling executive's own assignments with their briefs",
            description = "Executives on the roster only (else 403). Calls moved to someone else keep their contact "
                    + "data masked. Audited.")
    @APIResponse(responseCode = "200", ref = "CallAssignments", description = "The caller's assignments")
    public Response mine(@Context UriInfo uri) {
        String me = executives.required(identity);
        return privacy.forCaller(identity, audited("read-contact-data", "GET", uri, me, () -> scheduler.assignments(null, me, null)));
    }

    @GET
    @Path("assignments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "getAssignment",
            summary = "One call assignment with its pre-call brief",
            description = "An executive sees only their own; another's answers 404. Audited.")
    @APIResponse(responseCode = "200", ref = "CallAssignment", description = "The assignment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response assignment(
            @Parameter(ref = "Id") @PathParam("id") String id, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audit.around(identity, "read-contact-data", "GET", uri.getPath(), uuid, () -> {
            Response r = Downstream.call(SCHEDULER, () -> scheduler.assignment(uuid));
            ownOrHidden(r, uuid);
            return privacy.forCaller(identity, r);
        });
    }

    @PUT
    @Path("assignments/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "recordCallOutcome",
            summary = "Record a call's outcome",
            description = "A cause learned on a reached call corrects the analyzer's. Once only; audited.")
    @APIResponse(responseCode = "200", ref = "CallAssignment", description = "The completed assignment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response outcome(
            @Parameter(ref = "Id") @PathParam("id") String id,
            @RequestBody(ref = "Outcome") String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        Response call = Downstream.call(SCHEDULER, () -> scheduler.assignment(uuid));
        // Ops recording what an executive heard is on their behalf, and the audit trail says so.
        boolean onBehalf = call.getStatus() == 200 && (identity.hasRole(Roles.OPS) || identity.hasRole(Roles.ADMIN))
                && !executives.json(call).path("executiveId").asText().equals(executives.idOf(identity).orElse(null));
        // Inside the audit: an executive writing to another's call is refused (404) and recorded.
        return audit.around(identity, onBehalf ? "record-outcome-on-behalf" : "record-outcome", "PUT", uri.getPath(),
                uuid, () -> {
                    ownOrHidden(call, uuid);
                    return Downstream.call(SCHEDULER, () -> scheduler.outcome(uuid, body));
                });
    }

    @POST
    @Path("assignments/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "reassignCall",
            summary = "Move an open call to another executive",
            description = "The history is kept: the old assignment becomes REASSIGNED. Audited.")
    @APIResponse(responseCode = "200", ref = "CallAssignment", description = "The new assignment")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response reassign(
            @Parameter(ref = "Id") @PathParam("id") String id,
            @RequestBody(ref = "Reassign") String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audited("reassign-call", "POST", uri, uuid, () -> scheduler.reassign(uuid, body));
    }

    @GET
    @Path("actions")
    @Produces({MediaType.APPLICATION_JSON, CsvResponses.TEXT_CSV})
    @CsvRows(value = "", file = "actions")
    @RolesAllowed({Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE})
    @Operation(operationId = "listActions",
            summary = "Action items, oldest due first", description = "Every status unless one is given.")
    @APIResponse(responseCode = "200", ref = "ActionItems", description = "The action items")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response actions(
            @Parameter(description = "Only this status (any case)", example = "open", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"open", "in_progress", "done", "cancelled"}))
            @QueryParam("status") String status) {
        return Downstream.call(SCHEDULER, () -> scheduler.actions(status));
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "openAction",
            summary = "Open an action item against a cause", description = "Audited with the caller's name.")
    @APIResponse(responseCode = "201", ref = "ActionOpened", description = "The new action item")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response openAction(@RequestBody(ref = "NewAction") String body, @Context UriInfo uri) {
        return audited("open-action", "POST", uri, null, () -> scheduler.openAction(body));
    }

    @PUT
    @Path("actions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPS, Roles.ADMIN})
    @Operation(operationId = "changeAction",
            summary = "Change an action item's description, owner, due date or status",
            description = "Only the fields given change. Audited.")
    @APIResponse(responseCode = "200", ref = "ActionItem", description = "The action item as it is now")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response changeAction(
            @Parameter(ref = "Id") @PathParam("id") String id,
            @RequestBody(ref = "ActionChange") String body, @Context UriInfo uri) {
        String uuid = Params.uuid("id", id).toString();
        return audited("change-action", "PUT", uri, uuid, () -> scheduler.changeAction(uuid, body));
    }

    /** An executive may only see their own assignment; another's is "not found", not "forbidden". */
    private void ownOrHidden(Response assignment, String id) {
        if (assignment.getStatus() != 200 || !identity.hasRole(Roles.EXECUTIVE)
                || identity.hasRole(Roles.OPS) || identity.hasRole(Roles.ADMIN)) {
            return;
        }
        String owner = executives.json(assignment).path("executiveId").asText();
        if (!owner.equals(executives.idOf(identity).orElse(null))) {
            throw new NotFound("assignment", id);
        }
    }

    private Response audited(String action, String method, UriInfo uri, String target, Supplier<Response> call) {
        return audit.around(identity, action, method, uri.getPath(), target, () -> Downstream.call(SCHEDULER, call));
    }

}
