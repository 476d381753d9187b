package io.lossreview.contracts.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;

import java.math.BigDecimal;

/** Losses attributed to one cause in a month (reporting currency). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CauseTotal(String cause, int customers, @DecimalString BigDecimal arrLost) {
}
