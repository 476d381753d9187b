package io.lossreview.scheduler.rest;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.common.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.lossreview.common.problem.Params;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.calls.OutcomeService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Executive call assignments with their pre-call briefs, and the outcome of each call. */
@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    /** The outcome form. */
    public record OutcomeRequest(@NotNull CallOutcome outcome,
                                 @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{1,39}") String learnedCause,
                                 WinBackChance winBackChance, @Size(max = 4000) String notes,
                                 @Size(max = 2000) String followUp) {
    }

    /** Who takes the call over, and why. */
    public record ReassignRequest(@NotNull @Size(min = 1, max = 64) String executiveId, @Size(max = 500) String reason) {
    }

    private final CallAssignmentRepository assignments;
    private final OutcomeService outcomes;
    private final io.lossreview.scheduler.calls.Reassignments reassignments;

    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;

    public AssignmentResource(CallAssignmentRepository assignments, OutcomeService outcomes,
                              io.lossreview.scheduler.calls.Reassignments reassignments, SecurityIdentity identity) {
        this.identity = identity;
        this.assignments = assignments;
        this.outcomes = outcomes;
        this.reassignments = reassignments;
    }

    @jakarta.ws.rs.POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an open call to another executive; the history is kept")
    public CallAssignment reassign(@PathParam("id") String id, @Valid @NotNull ReassignRequest r) {
        return reassignments.reassign(Params.uuid("id", id), r.executiveId(), r.reason(), Caller.of(identity));
    }

    /** The longest customer id the contracts allow (common.schema.json, id). */
    static final int CUSTOMER_ID_MAX = 128;

    @GET
    @Operation(summary = "A month's assignments (month=yyyy-MM), an executive's (executive=id) or a customer's"
            + " (customerId=id: every month, newest first; with month or executive, only those), with briefs")
    public List<CallAssignment> list(@QueryParam("month") String month, @QueryParam("executive") String executive,
                                     @QueryParam("customerId") String customerId, @Context UriInfo uri) {
        // "?customerId=" arrives as null: asked for, but for no one.
        if (customerId != null || uri.getQueryParameters().containsKey("customerId")) {
            return assignments.ofCustomer(customerId(customerId), month == null ? null : Params.month("month", month),
                    executive == null || executive.isBlank() ? null : executive);
        }
        if (executive != null && !executive.isBlank()) {
            return assignments.ofExecutive(executive);
        }
        if (month == null) {
            throw new InvalidInput("month", "required", "give month=yyyy-MM, executive=<id> or customerId=<id>");
        }
        return assignments.ofMonth(Params.month("month", month));
    }

    /** A customer id as the contracts allow it: 1 to 128 characters, not only spaces. */
    private static String customerId(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("customerId", "not-blank", "customerId must name a customer, got an empty value");
        }
        if (value.length() > CUSTOMER_ID_MAX) {
            throw new InvalidInput("customerId", "max-length", "customerId must be at most " + CUSTOMER_ID_MAX
                    + " characters, got " + value.length());
        }
        return value;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One assignment with its pre-call brief")
    public CallAssignment get(@PathParam("id") String id) {
        return assignments.find(Params.uuid("id", id)).orElseThrow(() -> new NotFound("assignment", id));
    }

    @PUT
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture the call's outcome; a cause learned on the call corrects the analyzer's")
    public CallAssignment outcome(@PathParam("id") String id, @Valid @NotNull OutcomeRequest r) {
        return outcomes.record(Params.uuid("id", id), new OutcomeService.Outcome(r.outcome(), r.learnedCause(),
                r.winBackChance(), r.notes(), r.followUp()), Caller.of(identity));
    }
}
