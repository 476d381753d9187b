package io.lossreview.analyzer.analysis.view;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of a series: losses (customers) and ARR lost. */
public record MonthPoint(YearMonth month, int customers, BigDecimal arrLost) {
}
