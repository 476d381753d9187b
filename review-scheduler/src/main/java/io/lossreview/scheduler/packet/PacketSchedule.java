package io.lossreview.scheduler.packet;

import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.scheduler.calls.BusinessDays;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jboss.logging.Logger;

/**
 * Builds the previous month's packet on the first business day of the month. The cron fires on the
 * first days of every month (SCHEDULER_PACKET_CRON); the business-day check is here. A failed build
 * (the analyzer down) is retried at the next firing; a second instance finds the packet built.
 */
@ApplicationScoped
public class PacketSchedule {

    private static final Logger LOG = Logger.getLogger(PacketSchedule.class);

    private final PacketService packets;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public PacketSchedule(PacketService packets, BusinessCalendar calendar, Clock clock) {
        this.packets = packets;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(cron = "${scheduler.packet-cron:0 0 6 1-4 * ?}", timeZone = "${loss.business-time-zone:UTC}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fire() {
        runIfDue();
    }

    /** What a firing did. */
    public enum Result { NOT_DUE, BUILT, ALREADY_BUILT, FAILED }

    /** Builds last month's packet if today (business time zone) is the month's first business day. */
    public Result runIfDue() {
        LocalDate today = calendar.date(clock.instant());
        if (!today.equals(BusinessDays.firstOfMonth(today))) {
            return Result.NOT_DUE;
        }
        YearMonth month = YearMonth.from(today).minusMonths(1);
        try {
            PacketService.Built built = packets.build(month, PacketService.Mode.SCHEDULED);
            LOG.infof("Scheduled packet %s: revision %d (%s)", month, built.stored().packet().revision(),
                    built.created() ? "built" : "already there");
            return built.created() ? Result.BUILT : Result.ALREADY_BUILT;
        } catch (RuntimeException e) {
            LOG.errorf("Scheduled packet %s failed, will retry at the next firing: %s", month, e.getMessage());
            return Result.FAILED;
        }
    }
}
