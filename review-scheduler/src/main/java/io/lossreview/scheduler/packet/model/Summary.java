package io.lossreview.scheduler.packet.model;

import io.lossreview.contracts.analysis.view.Change;
import io.lossreview.contracts.base.MonthBaseView;
import java.math.BigDecimal;

/**
 * Section 1: the month on one page.
 *
 * @param base the customer base and churn rates, null when none was measured for the month
 */
public record Summary(int customers, int seats, BigDecimal mrrLost, BigDecimal arrLost, BigDecimal lifetimeValueLost,
                      int unvalued, Change vsPriorMonth, Change vsTrailing3Months, int voluntaryCustomers,
                      BigDecimal voluntaryArrLost, int involuntaryCustomers, BigDecimal involuntaryArrLost,
                      int wonBack, BigDecimal wonBackArr, MonthBaseView base) {
}
