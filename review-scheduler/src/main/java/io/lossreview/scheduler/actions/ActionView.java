package io.lossreview.scheduler.actions;

import io.lossreview.contracts.review.ActionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** An action item as the API answers it: with whether it is overdue today (ActionItem.overdue, the one rule). */
public record ActionView(UUID id, String cause, String description, String owner, LocalDate dueDate,
                         ActionStatus status, boolean overdue, YearMonth openedMonth, Instant createdAt,
                         String createdBy, Instant updatedAt, String updatedBy) {

    public static ActionView of(ActionItem a, LocalDate today) {
        return new ActionView(a.id(), a.cause(), a.description(), a.owner(), a.dueDate(), a.status(), a.overdue(today),
                a.openedMonth(), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy());
    }
}
