package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of a series: losses (customers) and ARR lost. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthPoint(YearMonth month, int customers, BigDecimal arrLost) {

    public static MonthPoint none(YearMonth month) {
        return new MonthPoint(month, 0, BigDecimal.ZERO);
    }
}
