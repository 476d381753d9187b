package io.lossreview.scheduler.calls.plan;

import java.util.List;

/**
 * The month's calls and everyone left out. Assignments are in call order (coverage picks first,
 * then by ARR); skips are in candidate priority order. Every input candidate appears exactly once.
 */
public record CallPlan(List<PlannedCall> assignments, List<Skip> skipped) {

    public CallPlan {
        assignments = List.copyOf(assignments);
        skipped = List.copyOf(skipped);
    }
}
