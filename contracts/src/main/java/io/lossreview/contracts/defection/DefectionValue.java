package io.lossreview.contracts.defection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;

import java.math.BigDecimal;

/**
 * What the loss is worth in the reporting currency. Amounts are null while {@code valuePending}
 * (e.g. no exchange rate yet, or CRM-only defection without billing data).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DefectionValue(
        String reportingCurrency,
        @DecimalString BigDecimal mrr,
        @DecimalString BigDecimal arr,
        @DecimalString BigDecimal lifetimeValue,
        boolean valuePending) {
}
