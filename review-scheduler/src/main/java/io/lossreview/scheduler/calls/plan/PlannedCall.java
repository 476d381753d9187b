package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;

/** One call in the plan: who calls whom, and why ({@link WhyText} says it in words). */
public record PlannedCall(Candidate candidate, Executive executive, Reason reason) {
}
