package io.lossreview.ingest.rest;

import io.lossreview.common.error.NotFound;
import io.lossreview.common.identity.Caller;
import io.lossreview.common.problem.Params;
import io.lossreview.messaging.DeadLetterQueries;
import io.lossreview.messaging.DeadLetterReplay;
import io.lossreview.messaging.DeadLetterView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Dead letters: what was refused and why, the record as it came, and a way to put it back in. */
@Path("/rejected")
@Produces(MediaType.APPLICATION_JSON)
public class RejectedEventResource {

    private final DeadLetterQueries queries;
    private final DeadLetterReplay replays;
    /** Who calls: the verified token's subject (request scoped behind its proxy). */
    private final SecurityIdentity identity;

    public RejectedEventResource(DeadLetterQueries queries, DeadLetterReplay replays, SecurityIdentity identity) {
        this.identity = identity;
        this.queries = queries;
        this.replays = replays;
    }

    @GET
    @Operation(summary = "Rejected events, newest first")
    public List<DeadLetterView> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
                                     @QueryParam("includeReplayed") @DefaultValue("false") boolean includeReplayed) {
        return queries.page(page, size, includeReplayed);
    }

    @GET
    @Path("/{id}")
    public DeadLetterView get(@PathParam("id") String id) {
        UUID uuid = Params.uuid("id", id);
        return queries.find(uuid).orElseThrow(() -> new NotFound("Rejected event", id)).view();
    }

    @POST
    @Path("/{id}/replay")
    @Consumes({EventResource.CLOUDEVENTS, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Re-submit the event: the corrected CloudEvent in the body, or the stored record exactly as it came")
    public EventResource.Accepted replay(@PathParam("id") String id, byte[] correctedEvent) {
        byte[] corrected = correctedEvent == null || correctedEvent.length == 0 ? null : correctedEvent;
        return EventResource.Accepted.of(replays.replay(Params.uuid("id", id), corrected, Caller.of(identity)));
    }
}
