package io.lossreview.scheduler.calls;

import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallAssigned;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Moves an open call to another executive; the old row stays (REASSIGNED) and the new one points back to it. */
@ApplicationScoped
public class Reassignments {

    private final CallAssignmentRepository assignments;
    private final ExecutiveRepository executives;
    private final Outbox outbox;
    private final Clock clock;

    public Reassignments(CallAssignmentRepository assignments, ExecutiveRepository executives, Outbox outbox, Clock clock) {
        this.assignments = assignments;
        this.executives = executives;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CallAssignment reassign(UUID id, String executiveId, String reason, String who) {
        CallAssignment old = assignments.lock(id).orElseThrow(() -> new NotFound("assignment", id));
        if (old.status() != CallAssignment.Status.ASSIGNED) {
            throw new Conflict("assignment " + id + " is " + old.status() + ", not open");
        }
        Executive to = executives.find(executiveId).filter(Executive::active)
                .orElseThrow(() -> new InvalidInput("/executiveId", "active-executive",
                        "'" + executiveId + "' is not an active executive on the roster"));
        if (to.id().equals(old.executiveId())) {
            throw new InvalidInput("/executiveId", "different", "the call is already assigned to " + executiveId);
        }
        String owner = old.brief() == null ? null : ownerOf(old);
        if (owner != null && (owner.equals(norm(to.name())) || owner.equals(norm(to.email())))) {
            throw new InvalidInput("/executiveId", "not-account-owner",
                    to.name() + " owns this account; a call from the owner is not an executive call");
        }
        Instant now = clock.instant();
        assignments.markReassigned(id);
        CallAssignment moved = CallAssignment.assigned(old.month(), old.defectionId(), old.customerId(),
                to.id(), "Reassigned by " + who + (reason == null || reason.isBlank() ? "" : ": " + reason.strip())
                + " (was " + old.executiveId() + ")", old.brief(), now, old.dueDate(), old.id());
        assignments.insert(List.of(moved));
        outbox.add(new OutboxMessage(Topics.LOSS_REVIEW, moved.customerId(), EventTypes.CALL_ASSIGNED,
                new CallAssigned(moved.id().toString(), moved.month(), moved.defectionId().toString(), moved.customerId(),
                        moved.executiveId(), moved.why(), moved.dueDate(), now)));
        return moved;
    }

    private static String ownerOf(CallAssignment a) {
        return a.brief().accountOwner() == null ? null : norm(a.brief().accountOwner());
    }

    private static String norm(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
