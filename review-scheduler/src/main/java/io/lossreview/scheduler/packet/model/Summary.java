package io.lossreview.scheduler.packet.model;

import io.lossreview.contracts.analysis.view.Change;
import java.math.BigDecimal;

/** Section 1: the month on one page. */
public record Summary(int customers, int seats, BigDecimal mrrLost, BigDecimal arrLost, BigDecimal lifetimeValueLost,
                      int unvalued, Change vsPriorMonth, Change vsTrailing3Months, int voluntaryCustomers,
                      BigDecimal voluntaryArrLost, int involuntaryCustomers, BigDecimal involuntaryArrLost,
                      int wonBack, BigDecimal wonBackArr) {
}
