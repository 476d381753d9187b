package io.lossreview.contracts.base;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of the churn-rate trend ({@link MonthBase}'s definitions); the counts and rates are absent for a
 * month whose base is not known.
 *
 * @param customersAtStart customers at the month's start
 * @param customersLost    of those, the ones lost in the month
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RatePoint(YearMonth month, boolean known, Integer customersAtStart, Integer customersLost,
                        @DecimalString BigDecimal customerChurn, @DecimalString BigDecimal grossMrrChurn,
                        @DecimalString BigDecimal netMrrChurn) {

    public static RatePoint of(MonthBase b) {
        if (!b.known()) {
            return unknown(b.month());
        }
        return new RatePoint(b.month(), true, b.customers().atStart(), b.customers().lostFromStart(), b.customerChurnRate(),
                b.grossMrrChurnRate(), b.netMrrChurnRate());
    }

    public static RatePoint unknown(YearMonth month) {
        return new RatePoint(month, false, null, null, null, null, null);
    }
}
