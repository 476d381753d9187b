package io.lossreview.analyzer.analysis.view;

import java.time.YearMonth;
import java.util.List;

/** A month's causes, ranked; rankedBy is arr, customers or composite. */
public record CauseRanking(YearMonth month, int taxonomyVersion, String rankedBy, String rankingRule,
                           List<RankedCause> causes) {
}
