package io.lossreview.contracts.analysis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.DecimalString;
import io.lossreview.contracts.IsoString;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Data of {@code loss.month-analyzed} on {@code loss.analysis}, keyed by month ("2025-03"). Amounts are in the
 * reporting currency; {@code unvalued} counts defections whose value is still pending (not in the sums).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthAnalyzed(
        @IsoString YearMonth month,
        int taxonomyVersion,
        int customers,
        int seats,
        @DecimalString BigDecimal mrrLost,
        @DecimalString BigDecimal arrLost,
        @DecimalString BigDecimal lifetimeValueLost,
        int wonBack,
        int unvalued,
        List<CauseTotal> topCauses,
        List<EmergingCause> emergingCauses,
        @IsoString Instant analyzedAt) {
}
