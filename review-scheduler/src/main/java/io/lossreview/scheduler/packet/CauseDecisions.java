package io.lossreview.scheduler.packet;

import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.contracts.analysis.view.DefectionView;
import io.lossreview.scheduler.packet.model.AssignmentLine;
import io.lossreview.scheduler.packet.model.CauseDecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who decided a loss's cause, when a person did, from what the packet knows: the analyzer's record of the
 * decision (source and who) and this month's calls (who called, what they learned, the cause before).
 */
final class CauseDecisions {

    /** This month's calls that learned a cause, by the defection called about. */
    private final Map<UUID, AssignmentLine> learnedOnCalls = new HashMap<>();

    private CauseDecisions() {
    }

    static CauseDecisions of(List<AssignmentLine> calls) {
        CauseDecisions decisions = new CauseDecisions();
        for (AssignmentLine call : calls) {
            if (call.defectionId() != null && call.learnedCause() != null) {
                decisions.learnedOnCalls.put(call.defectionId(), call);
            }
        }
        return decisions;
    }

    /**
     * Ops' decision stands as the analyzer records it. A call's finding is named from the call itself, even while
     * the analyzer has not applied it yet (it reads loss.review on its own schedule). Null: the classifier's cause.
     */
    CauseDecision of(DefectionView d) {
        if (d.causeSource() == CauseSource.MANUAL) {
            return new CauseDecision(CauseDecision.OPS, d.decidedBy(), d.cause(), null, null);
        }
        AssignmentLine call = d.id() == null ? null : learnedOnCalls.get(d.id());
        if (call != null) {
            String notes = call.notes() == null || call.notes().isBlank() ? null : call.notes();
            return new CauseDecision(CauseDecision.CALL, call.executive(), call.learnedCause(), call.classifiedCause(), notes);
        }
        if (d.causeSource() == CauseSource.CALL) {
            return new CauseDecision(CauseDecision.CALL, d.decidedBy(), d.cause(), null, null);
        }
        return null;
    }
}
