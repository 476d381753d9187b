package io.lossreview.analyzer.change;

import io.lossreview.contracts.analysis.view.ReviewQueueAcceptance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Triage of the review queue: many suggestions accepted at once. */
@ApplicationScoped
public class ReviewQueueService {

    private final CauseDecisions decisions;

    public ReviewQueueService(CauseDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * Accepts each queued defection's suggested cause as the caller's decision; a repeated id counts once.
     * One transaction per defection (never one around them all, hence NOT_SUPPORTED): each holds its month's
     * lock only as long as the single PUT does, so intake batches and other people are not held up by a
     * 200-id request, no lock order across months is needed, and the answer says per id what happened anyway,
     * so one that could not be decided does not undo the others.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReviewQueueAcceptance acceptSuggestions(List<UUID> defectionIds, String who) {
        List<ReviewQueueAcceptance.Outcome> outcomes = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(defectionIds)) {
            outcomes.add(decisions.acceptSuggestion(id, who));
        }
        return ReviewQueueAcceptance.of(outcomes);
    }
}
