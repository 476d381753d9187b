package io.lossreview.scheduler.calls.plan;

import io.lossreview.scheduler.executive.Executive;

/**
 * One call in the plan: who calls whom, and why, in plain words for the packet
 * (e.g. "Top ARR loss #1 (120,000); knows ENTERPRISE and EMEA; 2 of 3 calls this month").
 */
public record PlannedCall(Candidate candidate, Executive executive, String why) {
}
