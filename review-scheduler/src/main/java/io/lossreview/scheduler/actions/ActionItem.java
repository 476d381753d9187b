package io.lossreview.scheduler.actions;

import io.lossreview.contracts.review.ActionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** An action the review decided, aimed at one cause, tracked until done. */
public record ActionItem(UUID id, String cause, String description, String owner, LocalDate dueDate,
                         ActionStatus status, YearMonth openedMonth, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy) {

    /** The one overdue rule (API, web page and packet alike): still open, and due before today. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueDate.isBefore(today);
    }
}
