package io.lossreview.analyzer.defection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.problem.ProblemException;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.messaging.ContractEventReader.Read;
import io.lossreview.messaging.DeadLetters;
import io.lossreview.messaging.DeadLetters.DeadLetter;
import io.lossreview.messaging.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies loss.review call outcomes: the cause an executive learned from the customer replaces the
 * classifier's, recorded as a call-confirmed correction. One transaction per batch, deduped on event id.
 */
@ApplicationScoped
public class CallCorrections {

    public static final String CONSUMER = "defection-analyzer.review";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final CauseDecisions decisions;
    private final ObjectMapper mapper;

    public CallCorrections(Inbox inbox, DeadLetters deadLetters, CauseDecisions decisions, ObjectMapper mapper) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.decisions = decisions;
        this.mapper = mapper;
    }

    @Transactional
    public void apply(List<Read> reads) {
        List<DeadLetter> rejected = new ArrayList<>(reads.stream().map(Read::deadLetter).filter(d -> d != null).toList());
        List<Read> calls = reads.stream().filter(r -> r.event() != null)
                .filter(r -> EventTypes.CALL_COMPLETED.equals(r.event().type())).toList();
        Map<String, Read> byId = calls.stream().collect(Collectors.toMap(r -> r.event().id(), Function.identity(), (a, b) -> a));
        Set<String> fresh = inbox.claim(CONSUMER, byId.keySet());
        for (Read r : calls) {
            if (!fresh.remove(r.event().id())) {
                continue; // duplicate
            }
            CallCompleted call = r.data(CallCompleted.class, mapper);
            if (call.outcome() != CallOutcome.REACHED || call.learnedCause() == null) {
                continue; // nothing learned about the cause
            }
            String who = call.completedBy() == null ? call.executiveId() : call.completedBy();
            try {
                if (decisions.tryDecide(UUID.fromString(call.defectionId()), call.learnedCause(), CauseSource.CALL, who,
                        "call " + call.assignmentId()).isEmpty()) {
                    rejected.add(letter(r, "/data/defectionId", "known-defection", "No defection " + call.defectionId()));
                }
            } catch (ProblemException e) {
                rejected.add(letter(r, "/data/learnedCause", "taxonomy-cause", e.getMessage()));
            }
        }
        deadLetters.record(CONSUMER, rejected);
    }

    private static DeadLetter letter(Read r, String pointer, String rule, String message) {
        return new DeadLetter(r.record(), r.event() == null ? null : r.event().id(),
                r.event() == null ? null : r.event().type(), List.of(new Violation(pointer, rule, message)));
    }
}
