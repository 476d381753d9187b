package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the month's review packet needs from defection-analyzer, read in one read-only
 * REPEATABLE READ transaction ({@code GET /months/{month}/packet-inputs}), so no two sections can
 * disagree because a defection arrived between two reads.
 *
 * @param causes          ranked by ARR lost
 * @param trend           every cause, {@code trendFrom} to {@code month}
 * @param largest         the month's largest losses (at most {@link #NOTABLE_LOSSES})
 * @param topCauses       the {@link #TOP_CAUSES} causes with the most ARR lost, in ranking order
 * @param largestByCause  per top cause, its largest losses (at most {@link #STORY_CANDIDATES}): story candidates
 * @param defectionCauses every defection of the month with its decided cause
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PacketInputs(YearMonth month, YearMonth trendFrom, MonthSummary summary, CauseRanking causes, Trend trend,
                           Breakdown bySegment, Breakdown byRegion, List<DefectionView> largest, List<String> topCauses,
                           Map<String, List<DefectionView>> largestByCause, List<DefectionCause> defectionCauses) {

    /** Causes shown in the trend chart, given customer stories and calls. */
    public static final int TOP_CAUSES = 5;
    public static final int NOTABLE_LOSSES = 10;
    /** Story candidates read per top cause (largest ARR first). */
    public static final int STORY_CANDIDATES = 25;
}
