package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.YearMonth;
import java.util.List;

/** A month's causes, ranked; rankedBy is arr, customers or composite. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CauseRanking(YearMonth month, int taxonomyVersion, String rankedBy, String rankingRule,
                           List<RankedCause> causes) {

    /** The first {@code limit} causes that lost anyone this month, in ranking order. */
    public List<String> top(int limit) {
        return causes.stream().filter(c -> c.customers() > 0).limit(limit).map(RankedCause::cause).toList();
    }
}
