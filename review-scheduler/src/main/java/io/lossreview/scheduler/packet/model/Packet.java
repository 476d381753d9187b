package io.lossreview.scheduler.packet.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly executive packet: a frozen snapshot, sections in reading order. Amounts are in the
 * reporting currency. {@code changes} says what changed since the previous revision (empty on revision 1).
 * {@code narrative} is page 1's opening sentences, frozen with the revision so the JSON and every rendering
 * say the same; null in revisions built before it was stored (the renderer then writes them from the rest).
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
        List<String> changes,
        List<String> narrative) {

    public Packet withChanges(List<String> newChanges) {
        return new Packet(month, revision, builtAt, taxonomyVersion, reportingCurrency, summary, causes, emerging, trend,
                bySegment, byRegion, notableLosses, stories, lastMonthCalls, actions, assignments, newChanges, narrative);
    }

    public Packet withNarrative(List<String> sentences) {
        return new Packet(month, revision, builtAt, taxonomyVersion, reportingCurrency, summary, causes, emerging, trend,
                bySegment, byRegion, notableLosses, stories, lastMonthCalls, actions, assignments, changes, sentences);
    }

    /**
     * What the packet says, without when it was built, which revision it is, and what is derived from it
     * (changes, narrative): equal data, equal content.
     */
    public Packet content() {
        return new Packet(month, 0, null, taxonomyVersion, reportingCurrency, summary, causes, emerging, trend, bySegment,
                byRegion, notableLosses, stories, lastMonthCalls, actions, assignments, List.of(), null);
    }
}
