package io.lossreview.scheduler.calls;

import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Captures what a call found out, once. A cause learned on a reached call goes to the analyzer as
 * a call-confirmed correction (loss.call-completed on loss.review, through the outbox).
 */
@ApplicationScoped
public class OutcomeService {

    /** What the executive reports. learnedCause only for a reached customer. */
    public record Outcome(CallOutcome outcome, String learnedCause, WinBackChance winBackChance, String notes,
                          String followUp) {
    }

    private final CallAssignmentRepository assignments;
    private final Outbox outbox;
    private final Clock clock;

    public OutcomeService(CallAssignmentRepository assignments, Outbox outbox, Clock clock) {
        this.assignments = assignments;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CallAssignment record(UUID id, Outcome o, String by) {
        CallAssignment a = assignments.lock(id).orElseThrow(() -> new NotFound("assignment", id));
        if (a.status() != CallAssignment.Status.ASSIGNED) {
            throw new Conflict("assignment " + id + " is " + a.status()
                    + ": its outcome was captured already or it moved to another executive");
        }
        if (o.outcome() != CallOutcome.REACHED && (o.learnedCause() != null || o.winBackChance() != null)) {
            throw new InvalidInput("/learnedCause", "reached-only",
                    "learnedCause and winBackChance can only be given for a reached customer");
        }
        Instant now = clock.instant();
        String cause = o.learnedCause() == null ? null : o.learnedCause().strip().toUpperCase(java.util.Locale.ROOT);
        assignments.complete(id, o.outcome(), cause, o.winBackChance(),
                o.notes(), o.followUp(), now, by);
        outbox.add(new OutboxMessage(Topics.LOSS_REVIEW, a.customerId(), EventTypes.CALL_COMPLETED,
                new CallCompleted(id.toString(), a.defectionId().toString(), a.customerId(), a.executiveId(), o.outcome(),
                        cause, o.winBackChance(), now, by)));
        return assignments.find(id).orElseThrow();
    }
}
