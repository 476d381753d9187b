package io.lossreview.ingest.rest;

import io.lossreview.contracts.rejection.RejectionOrigin;
import io.lossreview.ingest.intake.EventSubmission;
import io.lossreview.messaging.Decoded;
import io.lossreview.messaging.Outcome;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Churn events over HTTP, for sources that cannot publish to Kafka. */
@Path("/events")
public class EventResource {

    public static final String CLOUDEVENTS = "application/cloudevents+json";
    public static final String CLOUDEVENTS_BATCH = "application/cloudevents-batch+json";

    /** The 202 answer: which events were accepted and which were already known. */
    public record Accepted(List<String> accepted, List<String> duplicates) {

        public static Accepted of(Outcome<?> outcome) {
            return new Accepted(outcome.applied().stream().map(Decoded.Event::id).toList(),
                    outcome.duplicates().stream().map(Decoded.Event::id).toList());
        }
    }

    private final EventSubmission submission;

    public EventResource(EventSubmission submission) {
        this.submission = submission;
    }

    @POST
    @Consumes({CLOUDEVENTS, CLOUDEVENTS_BATCH, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one CloudEvent or a batch (application/cloudevents-batch+json)")
    @APIResponse(responseCode = "202", description = "Recorded; ids of accepted and duplicate events")
    @APIResponse(responseCode = "400", description = "The violations of every refused event (the first 200); nothing was applied")
    @APIResponse(responseCode = "413", description = "More events than a batch may hold (1,000), or a body over 4 MiB")
    public Response submit(@HeaderParam("Content-Type") String contentType, byte[] body) {
        boolean batch = contentType != null && contentType.startsWith(CLOUDEVENTS_BATCH);
        return Response.accepted(Accepted.of(submission.submit(body, batch, RejectionOrigin.rest()))).build();
    }
}
