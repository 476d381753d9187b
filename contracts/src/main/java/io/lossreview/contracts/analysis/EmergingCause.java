package io.lossreview.contracts.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.lossreview.contracts.DecimalString;

import java.math.BigDecimal;

/**
 * A cause occurring clearly more often than its baseline.
 *
 * @param baseline expected count per month from history
 * @param pValue   probability of seeing {@code count} or more by chance (a statistic, so a double is fine)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmergingCause(
        String cause,
        int count,
        @DecimalString BigDecimal baseline,
        @JsonProperty("pValue") double pValue, // explicit: bean naming would turn it into "pvalue"
        String explanation) {
}
