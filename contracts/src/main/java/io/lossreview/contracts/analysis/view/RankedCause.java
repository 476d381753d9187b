package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lossreview.contracts.analysis.EmergingCause;
import java.math.BigDecimal;
import java.util.List;

/**
 * One cause of a month, in ranking order. Shares are fractions of the month's losses (0..1);
 * cumulativeShare adds up the ranking's own share in rank order (the Pareto line).
 * customersShareOfBase is the cause's lost customers / customers at the month's start, arrShareOfBase its
 * MRR lost / MRR at the start; both null while the month's base is not known.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankedCause(int rank, String cause, String label, int customers, int seats, BigDecimal mrrLost,
                          BigDecimal arrLost, BigDecimal lifetimeValueLost, int unvalued, int wonBack,
                          BigDecimal shareOfValue, BigDecimal shareOfVolume, BigDecimal cumulativeShare,
                          Change vsPriorMonth, Change vsTrailing3Months, List<MonthPoint> last12Months,
                          EmergingCause emerging, BigDecimal customersShareOfBase, BigDecimal arrShareOfBase) {
}
