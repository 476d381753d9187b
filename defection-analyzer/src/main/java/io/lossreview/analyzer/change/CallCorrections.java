package io.lossreview.analyzer.change;

import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Violation;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.messaging.Decoded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies loss.review call outcomes: the cause an executive learned from the customer replaces the
 * classifier's, recorded as a call-confirmed correction. Runs in the batch's transaction with the
 * events the consumer path has not seen before; returns the ones naming no defection or no cause.
 */
@ApplicationScoped
public class CallCorrections {

    public static final String CONSUMER = "defection-analyzer.review";

    private final CauseDecisions decisions;

    public CallCorrections(CauseDecisions decisions) {
        this.decisions = decisions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Decoded.Refused<CallCompleted>> apply(List<Decoded.Event<CallCompleted>> fresh) {
        List<Decoded.Refused<CallCompleted>> refused = new ArrayList<>();
        for (Decoded.Event<CallCompleted> e : fresh) {
            CallCompleted call = e.event();
            if (call.outcome() != CallOutcome.REACHED || call.learnedCause() == null) {
                continue; // nothing learned about the cause
            }
            String who = call.completedBy() == null ? call.executiveId() : call.completedBy();
            try {
                if (decisions.tryDecide(UUID.fromString(call.defectionId()), call.learnedCause(),
                        CauseDecisions.PersonDecision.call(who, call.assignmentId())).isEmpty()) {
                    refused.add(e.refuse(EventTypes.CALL_COMPLETED, call.defectionId(), new Violation("/data/defectionId",
                            "known-defection", "No defection " + call.defectionId())));
                }
            } catch (InvalidInput | NotFound | Conflict ex) {
                refused.add(e.refuse(EventTypes.CALL_COMPLETED, call.defectionId(), new Violation("/data/learnedCause",
                        "taxonomy-cause", ex.getMessage())));
            }
        }
        return refused;
    }
}
