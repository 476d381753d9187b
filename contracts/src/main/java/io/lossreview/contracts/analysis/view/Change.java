package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A month's figures against a reference (the prior month, or the trailing 3-month average):
 * the differences, and the ARR difference in percent (null when the reference is zero).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Change(BigDecimal referenceCustomers, BigDecimal referenceArrLost, BigDecimal customers,
                     BigDecimal arrLost, BigDecimal arrLostPercent) {

    /** The rule: differences as they are; the percent to 1 decimal, half even; none against zero. */
    public static Change of(int customers, BigDecimal arr, BigDecimal refCustomers, BigDecimal refArr) {
        BigDecimal arrDelta = arr.subtract(refArr);
        BigDecimal percent = refArr.signum() == 0 ? null
                : arrDelta.multiply(BigDecimal.valueOf(100)).divide(refArr, 1, RoundingMode.HALF_EVEN);
        return new Change(refCustomers, refArr, BigDecimal.valueOf(customers).subtract(refCustomers), arrDelta, percent);
    }
}
