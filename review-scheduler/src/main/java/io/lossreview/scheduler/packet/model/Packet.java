package io.lossreview.scheduler.packet.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly executive packet: a frozen snapshot, sections in reading order. Amounts are in the
 * reporting currency. {@code changes} says what changed since the previous revision (empty on revision 1).
 */
public record Packet(
        YearMonth month,
        int revision,
        Instant builtAt,
        int taxonomyVersion,
        String reportingCurrency,
        Summary summary,
        List<CauseLine> causes,
        List<EmergingLine> emerging,
        Trend trend,
        List<BreakdownLine> bySegment,
        List<BreakdownLine> byRegion,
        List<NotableLoss> notableLosses,
        List<Story> stories,
        CallReview lastMonthCalls,
        List<ActionLine> actions,
        List<AssignmentLine> assignments,
        List<String> changes) {
}
