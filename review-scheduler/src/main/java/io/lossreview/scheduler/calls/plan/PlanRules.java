package io.lossreview.scheduler.calls.plan;

import java.time.Period;
import java.util.Objects;

/**
 * The tunable parts of the call plan.
 *
 * @param includeInvoluntary also call customers lost involuntarily (failed payment and the like)
 * @param recentCallWindow   customers called within this window before the plan date are not called again
 * @param causesToCover      how many of the month's top causes are guaranteed at least one call
 */
public record PlanRules(boolean includeInvoluntary, Period recentCallWindow, int causesToCover) {

    public PlanRules {
        Objects.requireNonNull(recentCallWindow, "recentCallWindow");
        if (recentCallWindow.isNegative()) {
            throw new IllegalArgumentException("recentCallWindow must not be negative: " + recentCallWindow);
        }
        if (causesToCover < 0) {
            throw new IllegalArgumentException("causesToCover must not be negative: " + causesToCover);
        }
    }

    /** Voluntary losses only, nobody called twice within 12 months, the top 5 causes covered. */
    public static PlanRules defaults() {
        return new PlanRules(false, Period.ofMonths(12), 5);
    }
}
