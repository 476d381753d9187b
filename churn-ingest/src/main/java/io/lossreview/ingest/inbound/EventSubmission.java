package io.lossreview.ingest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.common.problem.ProblemType;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.rejection.RejectionOrigin;
import io.lossreview.ingest.defection.BatchResult;
import io.lossreview.ingest.defection.DefectionService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Events submitted over HTTP. Unlike Kafka, the caller is there to hear the answer, so a request
 * with any invalid event is refused whole with every violation and none of its events is applied.
 * The invalid ones are still stored as rejected events (channel REST) and dead-lettered, so ops see
 * them next to Kafka's and can replay them corrected.
 */
@ApplicationScoped
public class EventSubmission {

    private final ObjectMapper mapper;
    private final CloudEventReader reader;
    private final InboundValidator validator;
    private final DefectionService defections;

    public EventSubmission(ObjectMapper mapper, CloudEventReader reader, InboundValidator validator,
                           DefectionService defections) {
        this.mapper = mapper;
        this.reader = reader;
        this.validator = validator;
        this.defections = defections;
    }

    /** {@code batch}: the body is a JSON array of CloudEvents (application/cloudevents-batch+json). */
    public BatchResult submit(String body, boolean batch, RejectionOrigin origin) {
        JsonNode json;
        try {
            json = parse(body);
        } catch (ProblemException e) {
            if (e.problem().status() == 400 && body != null && !body.isBlank()) {
                defections.recordRejected(List.of(InboundEvent.unreadable(() -> body, origin,
                        new Violation("", "json", "The request body is not JSON"))));
            }
            throw e;
        }
        if (batch != json.isArray()) {
            throw ProblemException.invalid("", "type", batch
                    ? "A CloudEvents batch must be a JSON array of events"
                    : "A single CloudEvent must be a JSON object; send arrays as application/cloudevents-batch+json");
        }
        List<JsonNode> nodes = new ArrayList<>();
        json.forEach(nodes::add);
        if (!batch) {
            nodes = List.of(json);
        }
        if (nodes.isEmpty()) {
            throw ProblemException.invalid("", "minItems", "The batch holds no events");
        }
        List<InboundEvent> events = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            InboundEvent e = validator.validate(reader.read(nodes.get(i), origin));
            String prefix = batch ? "/" + i : "";
            for (Violation v : e.violations()) {
                violations.add(new Problem.Violation(prefix + v.pointer(), v.rule(), v.message()));
            }
            events.add(e);
        }
        if (!violations.isEmpty()) {
            defections.recordRejected(events.stream().filter(e -> !e.valid()).toList());
            throw ProblemException.invalid(violations);
        }
        return defections.recordAll(events);
    }

    /** One event that must be valid as it stands (Stripe's mapped events, replays). */
    public BatchResult submitOne(JsonNode event, RejectionOrigin origin) {
        InboundEvent e = validator.validate(reader.read(event, origin));
        if (!e.valid()) {
            throw ProblemException.invalid(e.violations().stream()
                    .map(v -> new Problem.Violation(v.pointer(), v.rule(), v.message())).toList());
        }
        return defections.recordAll(List.of(e));
    }

    JsonNode parse(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (json == null) {
                throw ProblemException.invalid("", "required", "The request body is empty");
            }
            return json;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The request body is not JSON",
                    List.of(new Problem.Violation("", "json", e.getMessage())));
        }
    }
}
