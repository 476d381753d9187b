package io.lossreview.scheduler.calls.plan;

/**
 * Why a call was planned, as facts: {@link WhyText} puts them into words once the reporting currency and
 * the causes' labels are known (the planner knows neither).
 *
 * @param coveredCause the top cause this call was reserved for, as the candidate spelled it; null when it was
 *                     picked by ARR
 * @param causeRank    that cause's 1-based place in the month's ranking by ARR lost; 0 when picked by ARR
 * @param arrRank      1-based place among the eligible candidates, largest ARR lost first
 * @param match        what the executive knows of the customer's segment and region
 */
public record Reason(String coveredCause, int causeRank, int arrRank, Match match) {

    /** Segment and region known &gt; segment only &gt; region only &gt; neither (see {@link Fit#match}). */
    public enum Match { SEGMENT_AND_REGION, SEGMENT, REGION, NONE }
}
