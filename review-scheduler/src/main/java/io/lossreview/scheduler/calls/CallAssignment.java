package io.lossreview.scheduler.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** One call an executive is asked to make, with its outcome once captured. */
public record CallAssignment(UUID id, YearMonth month, UUID defectionId, String customerId, String executiveId,
                             String why, Brief brief, Instant assignedAt, LocalDate dueDate, Status status,
                             String outcome, String learnedCause, String winBackChance, String notes, String followUp,
                             Instant completedAt, String completedBy, UUID reassignedFrom) {

    /** ASSIGNED until the outcome is captured (COMPLETED) or the call moves to someone else (REASSIGNED). */
    public enum Status { ASSIGNED, COMPLETED, REASSIGNED }
}
