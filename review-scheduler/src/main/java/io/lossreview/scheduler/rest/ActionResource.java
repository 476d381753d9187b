package io.lossreview.scheduler.rest;

import io.lossreview.common.identity.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.lossreview.common.problem.Params;
import io.lossreview.contracts.review.ActionStatus;
import io.lossreview.scheduler.actions.ActionItem;
import io.lossreview.scheduler.actions.ActionView;
import io.lossreview.scheduler.actions.ActionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Action items the review decided, aimed at a cause, tracked until done. */
@Path("/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

    /** A new action; openedMonth (yyyy-MM) defaults to the current month. */
    public record NewAction(@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{1,39}") String cause,
                            @NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 200) String owner,
                            @NotNull LocalDate dueDate, String openedMonth) {
    }

    /** Changes; absent fields stay as they are. */
    public record ActionChange(@Size(min = 1, max = 2000) String description, @Size(min = 1, max = 200) String owner,
                               LocalDate dueDate, ActionStatus status) {
    }

    private final ActionService service;
    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;

    public ActionResource(ActionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Action items, oldest due first; status=OPEN|IN_PROGRESS|DONE|CANCELLED filters")
    public List<ActionView> list(@QueryParam("status") String status) {
        return service.list(status == null ? null : ActionStatus.valueOf(
                Params.oneOf("status", status, List.of("open", "in_progress", "done", "cancelled")).toUpperCase()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@Valid @NotNull NewAction a) {
        ActionItem created = service.open(a.cause(), a.description(), a.owner(), a.dueDate(),
                a.openedMonth() == null ? null : Params.month("openedMonth", a.openedMonth()), Caller.of(identity));
        return Response.status(201).entity(service.view(created)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActionView change(@PathParam("id") String id, @Valid @NotNull ActionChange c) {
        return service.view(service.change(Params.uuid("id", id),
                new ActionService.Change(c.description(), c.owner(), c.dueDate(), c.status()), Caller.of(identity)));
    }
}
