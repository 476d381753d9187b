package io.lossreview.contracts.base;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;
import java.math.BigDecimal;

/**
 * A month's customer base with its rates (fractions, 0.024 is 2.4%; absent without a known base): customer
 * churn = customers lost who were active at the start / customers at the start; gross MRR churn = (churned +
 * contraction) / MRR at the start; net MRR churn = (churned + contraction - expansion - reactivation) / MRR at
 * the start.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record MonthBaseView(MonthBase base, Rates rates) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Rates(@DecimalString BigDecimal customerChurn, @DecimalString BigDecimal voluntaryChurn,
                        @DecimalString BigDecimal involuntaryChurn, @DecimalString BigDecimal grossMrrChurn,
                        @DecimalString BigDecimal netMrrChurn) {
    }

    public static MonthBaseView of(MonthBase b) {
        return new MonthBaseView(b, new Rates(b.customerChurnRate(), b.voluntaryChurnRate(), b.involuntaryChurnRate(),
                b.grossMrrChurnRate(), b.netMrrChurnRate()));
    }
}
