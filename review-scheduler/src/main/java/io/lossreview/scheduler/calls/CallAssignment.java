package io.lossreview.scheduler.calls;

import io.lossreview.contracts.review.CallOutcome;
import io.lossreview.contracts.review.WinBackChance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** One call an executive is asked to make, with its outcome once captured. */
public record CallAssignment(UUID id, YearMonth month, UUID defectionId, String customerId, String executiveId,
                             String why, Brief brief, Instant assignedAt, LocalDate dueDate, Status status,
                             CallOutcome outcome, String learnedCause, WinBackChance winBackChance, String notes,
                             String followUp, Instant completedAt, String completedBy, UUID reassignedFrom) {

    /** ASSIGNED until the outcome is captured (COMPLETED) or the call moves to someone else (REASSIGNED). */
    public enum Status { ASSIGNED, COMPLETED, REASSIGNED }

    /** A new call to make, no outcome yet; {@code reassignedFrom}: the call it replaces, if it was moved. */
    public static CallAssignment assigned(YearMonth month, UUID defectionId, String customerId, String executiveId,
                                          String why, Brief brief, Instant at, LocalDate due, UUID reassignedFrom) {
        return new CallAssignment(UUID.randomUUID(), month, defectionId, customerId, executiveId, why, brief, at, due,
                Status.ASSIGNED, null, null, null, null, null, null, null, reassignedFrom);
    }
}
