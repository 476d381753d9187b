package io.lossreview.ingest.rest;

import io.lossreview.common.problem.Params;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.ingest.defection.BatchResult;
import io.lossreview.ingest.rejection.RejectedEventQueries;
import io.lossreview.ingest.rejection.RejectedEventView;
import io.lossreview.ingest.rejection.ReplayService;
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

/** Dead letters: what was refused and why, and a way to put a corrected event back in. */
@Path("/rejected")
@Produces(MediaType.APPLICATION_JSON)
public class RejectedEventResource {

    private final RejectedEventQueries queries;
    private final ReplayService replays;

    public RejectedEventResource(RejectedEventQueries queries, ReplayService replays) {
        this.queries = queries;
        this.replays = replays;
    }

    @GET
    @Operation(summary = "Rejected events, newest first")
    public List<RejectedEventView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size,
                                        @QueryParam("includeReplayed") @DefaultValue("false") boolean includeReplayed) {
        return queries.page(page, size, includeReplayed);
    }

    @GET
    @Path("/{id}")
    public RejectedEventView get(@PathParam("id") String id) {
        UUID uuid = Params.uuid("id", id);
        return queries.find(uuid).orElseThrow(() -> ProblemException.notFound("Rejected event", id));
    }

    @POST
    @Path("/{id}/replay")
    @Consumes({EventResource.CLOUDEVENTS, MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Re-submit the event: the corrected CloudEvent in the body, or the stored payload")
    public EventResource.Accepted replay(@PathParam("id") String id, String correctedEvent) {
        BatchResult result = replays.replay(Params.uuid("id", id), correctedEvent);
        return new EventResource.Accepted(result.accepted(), result.duplicates());
    }
}
