package io.lossreview.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/** review-scheduler's rules; every one has a default and an env override (see README). */
@ConfigMapping(prefix = "scheduler")
public interface SchedulerConfig {

    /** When the previous month's packet is built: Quarkus cron, in the business time zone (first business day checked in code). */
    @WithDefault("0 0 6 1-4 * ?")
    String packetCron();

    /** How often reminders and escalations are checked ("off" disables it). */
    @WithDefault("1h")
    String reminderInterval();

    /** Executive distribution list for the packet (PDF attached). */
    Optional<List<String>> distributionList();

    /** Who hears about overdue calls. */
    Optional<List<String>> adminList();

    /** Business days after the packet a call is due. */
    @WithDefault("10")
    int callDueBusinessDays();

    /** Business days before the due date the executive is reminded. */
    @WithDefault("2")
    int reminderBusinessDays();

    /** Call involuntary (payment-failure) losses too. */
    @WithDefault("false")
    boolean callInvoluntary();

    /** A customer called this recently is not called again. */
    @WithDefault("P12M")
    Period recentCallWindow();

    /** A reactivation this soon after a completed call is credited to the call. */
    @WithDefault("P90D")
    Period winBackCreditWindow();

    /** Causes that must each get at least one call. */
    @WithDefault("5")
    int causesToCover();

    /** Reporting currency of the amounts (as the analyzer reports them). */
    @WithDefault("USD")
    String reportingCurrency();
}
