package io.lossreview.ingest.intake;

import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.common.error.InvalidInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.RejectionOrigin;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.ingest.intake.ChurnEventConsumer;
import io.lossreview.messaging.BatchTransaction;
import io.lossreview.messaging.Decoded;
import io.lossreview.messaging.Outcome;
import io.lossreview.messaging.Received;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Events submitted over HTTP (REST, Stripe's webhook), decoded and applied exactly as the Kafka
 * consumer does it ({@link ChurnEventConsumer}, {@link BatchTransaction}). Unlike Kafka, the caller
 * is there to hear the answer, so a request with any invalid event is refused whole with its
 * violations and none of its events is applied. The refused ones are still stored as dead letters,
 * so ops see them next to Kafka's and can replay them corrected.
 */
@ApplicationScoped
public class EventSubmission {

    private final ObjectMapper mapper;
    private final ObjectMapper strict;
    private final ChurnEventConsumer consumer;
    private final BatchTransaction transaction;
    private final IngestConfig config;
    private final Clock clock;

    public EventSubmission(ObjectMapper mapper, ChurnEventConsumer consumer, BatchTransaction transaction,
                           IngestConfig config, Clock clock) {
        this.mapper = mapper;
        this.strict = InputGuard.strictReader(mapper);
        this.consumer = consumer;
        this.transaction = transaction;
        this.config = config;
        this.clock = clock;
    }

    /** {@code batch}: the body is a JSON array of CloudEvents (application/cloudevents-batch+json). */
    public Outcome<InboundEvent> submit(byte[] body, boolean batch, RejectionOrigin origin) {
        if (body == null || new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new InvalidInput("", "required", "The request body is empty");
        }
        InputGuard.Parsed parsed = InputGuard.parse(body, strict, config.maxBodyBytes());
        if (!parsed.ok()) {
            throw refusedBody(body, origin, parsed.violations());
        }
        JsonNode json = parsed.json();
        if (batch != json.isArray()) {
            throw new InvalidInput("", "type", batch
                    ? "A CloudEvents batch must be a JSON array of events"
                    : "A single CloudEvent must be a JSON object; send arrays as application/cloudevents-batch+json");
        }
        if (batch && json.isEmpty()) {
            throw new InvalidInput("", "minItems", "The batch holds no events");
        }
        if (json.size() > config.maxBatchEvents()) {
            throw new InvalidInput(InvalidInput.Kind.TOO_LARGE, "A batch may hold at most " + config.maxBatchEvents()
                    + " events; this one holds " + json.size() + ". Send it in smaller batches.",
                    List.of(new InvalidInput.Violation("", "maxItems", "at most " + config.maxBatchEvents() + " events")));
        }
        List<Decoded<InboundEvent>> decoded = new ArrayList<>();
        if (batch) {
            // Each event as its own bytes: the dead letter of a refused one holds just that event.
            for (JsonNode event : json) {
                decoded.add(consumer.decode(Received.http(origin, clock.instant(), bytes(event))));
            }
        } else {
            decoded.add(consumer.decode(Received.http(origin, clock.instant(), body)));
        }
        return apply(decoded, batch);
    }

    /** One event that must be valid as it stands (Stripe's mapped events). */
    public Outcome<InboundEvent> submitOne(JsonNode event, RejectionOrigin origin) {
        return apply(List.of(consumer.decode(Received.http(origin, clock.instant(), bytes(event)))), false);
    }

    private Outcome<InboundEvent> apply(List<Decoded<InboundEvent>> decoded, boolean batch) {
        List<Decoded.Refused<InboundEvent>> refused = new ArrayList<>();
        List<InvalidInput.Violation> violations = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            if (decoded.get(i) instanceof Decoded.Refused<InboundEvent> r) {
                refused.add(r);
                String prefix = batch ? "/" + i : "";
                r.violations().stream().limit(InputGuard.MAX_VIOLATIONS).forEach(v -> violations.add(
                        new InvalidInput.Violation(InputGuard.safe(prefix + v.pointer(), 256), v.rule(),
                                InputGuard.safe(v.message(), 2048))));
            }
        }
        if (refused.isEmpty()) {
            return transaction.apply(consumer, decoded);
        }
        transaction.refuse(consumer, refused);
        int max = config.maxViolationsListed();
        List<InvalidInput.Violation> listed = new ArrayList<>(violations.subList(0, Math.min(max, violations.size())));
        if (violations.size() > max) {
            listed.add(new InvalidInput.Violation("", "more", (violations.size() - max) + " more violations not listed; "
                    + refused.size() + " of " + decoded.size() + " events were refused"));
        }
        throw new InvalidInput(listed);
    }

    private InvalidInput refusedBody(byte[] body, RejectionOrigin origin, List<Violation> found) {
        Violation first = found.get(0);
        List<InvalidInput.Violation> violations = found.stream()
                .map(v -> new InvalidInput.Violation(v.pointer(), v.rule(), v.message())).toList();
        if ("payload-size".equals(first.rule())) {
            return new InvalidInput(InvalidInput.Kind.TOO_LARGE, first.message(), violations);
        }
        transaction.refuse(consumer, List.of((Decoded.Refused<InboundEvent>) Decoded.<InboundEvent>refused(
                Received.http(origin, clock.instant(), body), Decoded.Facts.NONE, found)));
        return "json".equals(first.rule())
                ? new InvalidInput(InvalidInput.Kind.MALFORMED, "The request body is not JSON", violations)
                : new InvalidInput(violations);
    }

    private byte[] bytes(JsonNode event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always writes", e);
        }
    }
}
