package io.lossreview.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.common.problem.ProblemType;
import io.lossreview.contracts.CloudEventEnvelope;
import io.lossreview.contracts.rejection.RejectionOrigin;
import io.lossreview.ingest.intake.EventSubmission;
import io.lossreview.ingest.stripe.MappedStripeEvent;
import io.lossreview.ingest.stripe.StripeEventMapper;
import io.lossreview.ingest.stripe.StripeSignatureVerifier;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stripe's own webhook: the signature authenticates the call, the raw bytes are what was signed. */
@Path("/webhooks/stripe")
public class StripeWebhookResource {

    private final StripeSignatureVerifier verifier;
    private final StripeEventMapper stripeMapper;
    private final EventSubmission submission;
    private final ObjectMapper mapper;

    public StripeWebhookResource(StripeSignatureVerifier verifier, StripeEventMapper stripeMapper,
                                 EventSubmission submission, ObjectMapper mapper) {
        this.verifier = verifier;
        this.stripeMapper = stripeMapper;
        this.submission = submission;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stripe customer.subscription.deleted (a loss) and .created (a reactivation)")
    public Map<String, Object> receive(@HeaderParam(StripeSignatureVerifier.HEADER) String signature, byte[] body) {
        verifier.verify(body, signature);
        Optional<MappedStripeEvent> mapped = stripeMapper.map(parse(body));
        if (mapped.isEmpty()) {
            // Stripe retries anything but 2xx; events we do not use are acknowledged and dropped.
            return Map.of("ignored", true);
        }
        MappedStripeEvent m = mapped.get();
        CloudEventEnvelope event = CloudEventEnvelope.of(m.eventId(), m.source(), m.eventType(), m.customerId(),
                m.time(), m.data(), mapper);
        EventResource.Accepted result = EventResource.Accepted.of(
                submission.submitOne(mapper.valueToTree(event), RejectionOrigin.stripe()));
        return Map.of("accepted", result.accepted(), "duplicates", result.duplicates());
    }

    private JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The Stripe event is not JSON",
                    List.of(new Problem.Violation("", "json", e.getMessage())));
        }
    }
}
