package io.lossreview.ingest.rejection;

import io.lossreview.common.problem.ProblemException;
import io.lossreview.contracts.rejection.RejectionOrigin;
import io.lossreview.ingest.defection.BatchResult;
import io.lossreview.ingest.inbound.EventSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Re-submits a dead letter, corrected or as stored; it must now be valid, else nothing changes. */
@ApplicationScoped
public class ReplayService {

    private final RejectedEventQueries queries;
    private final EventSubmission submission;
    private final Clock clock;

    public ReplayService(RejectedEventQueries queries, EventSubmission submission, Clock clock) {
        this.queries = queries;
        this.submission = submission;
        this.clock = clock;
    }

    @Transactional
    public BatchResult replay(UUID id, String correctedEvent) {
        RejectedEventView rejected = queries.find(id).orElseThrow(() -> ProblemException.notFound("Rejected event", id));
        if (rejected.replayedAt() != null) {
            throw new ProblemException(io.lossreview.common.problem.ProblemType.CONFLICT,
                    "Rejected event " + id + " was already replayed at " + rejected.replayedAt());
        }
        String body = correctedEvent == null || correctedEvent.isBlank() ? rejected.payload() : correctedEvent;
        BatchResult result = submission.submit(body, false, RejectionOrigin.rest());
        queries.markReplayed(id, clock.instant());
        return result;
    }
}
