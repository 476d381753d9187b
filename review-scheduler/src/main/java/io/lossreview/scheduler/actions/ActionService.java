package io.lossreview.scheduler.actions;

import io.lossreview.common.error.NotFound;
import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.ActionChanged;
import io.lossreview.contracts.review.ActionStatus;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** Creates and changes action items; every change is announced on loss.review (outbox). */
@ApplicationScoped
public class ActionService {

    /** Fields to change; null leaves a field as it is. */
    public record Change(String description, String owner, LocalDate dueDate, ActionStatus status) {
    }

    private final ActionItemRepository actions;
    private final ActionCauses causes;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public ActionService(ActionItemRepository actions, ActionCauses causes, Outbox outbox, BusinessCalendar calendar,
                         Clock clock) {
        this.actions = actions;
        this.causes = causes;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Action items (of one status, if given), oldest due first, each with whether it is overdue today. */
    public java.util.List<ActionView> list(ActionStatus status) {
        LocalDate today = calendar.date(clock.instant());
        return actions.all(status).stream().map(a -> ActionView.of(a, today)).toList();
    }

    /** As the API answers it, today. */
    public ActionView view(ActionItem a) {
        return ActionView.of(a, calendar.date(clock.instant()));
    }

    /** Checks the cause with defection-analyzer before anything is written (no connection is taken yet). */
    @Transactional
    public ActionItem open(String cause, String description, String owner, LocalDate dueDate, YearMonth openedMonth,
                           String who) {
        LocalDate due = ActionItem.checkDue(dueDate);
        String code = causes.require(cause);
        Instant now = clock.instant();
        ActionItem a = new ActionItem(UUID.randomUUID(), code,
                description.strip(), owner.strip(), due, ActionStatus.OPEN,
                openedMonth != null ? openedMonth : calendar.month(now), now, who, now, who);
        actions.save(a);
        announce(a);
        return a;
    }

    @Transactional
    public ActionItem change(UUID id, Change c, String who) {
        ActionItem a = actions.find(id).orElseThrow(() -> new NotFound("action", id));
        ActionItem changed = new ActionItem(a.id(), a.cause(), c.description() != null ? c.description().strip() : a.description(),
                c.owner() != null ? c.owner().strip() : a.owner(), c.dueDate() != null ? ActionItem.checkDue(c.dueDate()) : a.dueDate(),
                c.status() != null ? c.status() : a.status(), a.openedMonth(), a.createdAt(), a.createdBy(),
                clock.instant(), who);
        actions.save(changed);
        announce(changed);
        return changed;
    }

    private void announce(ActionItem a) {
        outbox.add(new OutboxMessage(Topics.LOSS_REVIEW, a.id().toString(), EventTypes.ACTION_CHANGED,
                new ActionChanged(a.id().toString(), a.cause(), a.description(), a.owner(), a.dueDate(), a.status(),
                        a.updatedAt(), a.updatedBy())));
    }
}
