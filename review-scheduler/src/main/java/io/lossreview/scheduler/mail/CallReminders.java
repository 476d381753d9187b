package io.lossreview.scheduler.mail;

import io.lossreview.scheduler.calls.BusinessDays;
import io.lossreview.scheduler.calls.CallAssignmentRepository;
import io.lossreview.scheduler.calls.CallAssignment;
import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.scheduler.executive.Executive;
import io.lossreview.scheduler.config.SchedulerConfig;
import io.lossreview.scheduler.executive.ExecutiveRepository;
import io.lossreview.scheduler.mail.MailSender;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Open calls get a reminder to their executive two business days before they are due, and are
 * escalated to the admin list once overdue; each at most once (recorded on the assignment).
 */
@ApplicationScoped
public class CallReminders {

    /** How many were sent. */
    public record Sent(int reminders, int escalations) {
    }

    private final CallAssignmentRepository assignments;
    private final ExecutiveRepository executives;
    private final MailSender mailer;
    private final SchedulerConfig config;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public CallReminders(CallAssignmentRepository assignments, ExecutiveRepository executives, MailSender mailer,
                         SchedulerConfig config, BusinessCalendar calendar, Clock clock) {
        this.assignments = assignments;
        this.executives = executives;
        this.mailer = mailer;
        this.config = config;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(every = "${scheduler.reminder-interval:1h}", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        run();
    }

    @Transactional
    public Sent run() {
        Instant now = clock.instant();
        LocalDate today = calendar.date(now);
        int reminders = 0;
        for (CallAssignment a : assignments.toRemind(BusinessDays.plus(today, config.reminderBusinessDays()))) {
            Executive e = executives.find(a.executiveId()).orElse(null);
            if (e != null) {
                mailer.send(Mail.withText(e.email(), "Reminder: call " + a.brief().accountName() + " by " + a.dueDate(),
                        "Hello " + e.name() + ",\n\nyour call to " + a.brief().accountName() + " (assignment " + a.id()
                                + ") is due on " + a.dueDate() + ". Please record the outcome when you have called.\n"));
                assignments.markReminded(a.id(), now);
                reminders++;
            }
        }
        List<CallAssignment> overdue = assignments.toEscalate(today);
        List<String> admins = config.adminList().orElse(List.of());
        if (!overdue.isEmpty() && !admins.isEmpty()) {
            StringBuilder body = new StringBuilder("These executive calls are overdue:\n\n");
            overdue.forEach(a -> body.append("- ").append(a.brief().accountName()).append(": ").append(a.executiveId())
                    .append(", due ").append(a.dueDate()).append(" (assignment ").append(a.id()).append(")\n"));
            mailer.send(Mail.withText(String.join(",", admins), overdue.size() + " overdue executive calls", body.toString())
                    .setTo(admins));
            overdue.forEach(a -> assignments.markEscalated(a.id(), now));
        }
        return new Sent(reminders, admins.isEmpty() ? 0 : overdue.size());
    }
}
