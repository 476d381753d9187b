package io.lossreview.scheduler.packet.model;

import io.lossreview.contracts.analysis.view.Change;
import java.math.BigDecimal;

/** Section 2: a cause, ranked by ARR lost; shares are fractions (0..1), cumulativeShare is the Pareto line. */
public record CauseLine(int rank, String cause, String label, int customers, BigDecimal arrLost,
                        BigDecimal shareOfValue, BigDecimal shareOfVolume, BigDecimal cumulativeShare,
                        Change vsPriorMonth) {
}
