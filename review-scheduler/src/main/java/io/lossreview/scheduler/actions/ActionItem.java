package io.lossreview.scheduler.actions;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.contracts.review.ActionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** An action the review decided, aimed at one cause, tracked until done. */
public record ActionItem(UUID id, String cause, String description, String owner, LocalDate dueDate,
                         ActionStatus status, YearMonth openedMonth, Instant createdAt, String createdBy,
                         Instant updatedAt, String updatedBy) {

    /** Due dates people can mean: from 2000 to the end of 2099 (a typo such as +99999-12-31 is refused). */
    static final LocalDate EARLIEST_DUE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DUE = LocalDate.of(2099, 12, 31);

    /** Checked where a person sets a due date, not where one is read back. */
    static LocalDate checkDue(LocalDate dueDate) {
        if (dueDate != null && (dueDate.isBefore(EARLIEST_DUE) || dueDate.isAfter(LATEST_DUE))) {
            throw new InvalidInput("dueDate", "date-range",
                    "dueDate must be between " + EARLIEST_DUE + " and " + LATEST_DUE + ", got " + dueDate);
        }
        return dueDate;
    }

    /** The one overdue rule (API, web page and packet alike): still open, and due before today. */
    public boolean overdue(LocalDate today) {
        return status.open() && dueDate.isBefore(today);
    }
}
