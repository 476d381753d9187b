package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lossreview.contracts.analysis.EmergingCause;
import io.lossreview.contracts.base.MonthBaseView;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A month's losses in the reporting currency. Won-back customers are not losses: they are counted
 * in wonBack only. Unvalued losses count in customers and seats but not in the amounts.
 *
 * @param base the month's customer base and churn rates, null until churn-ingest measured one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthSummary(YearMonth month, Integer taxonomyVersion, int customers, int seats, BigDecimal mrrLost,
                           BigDecimal arrLost, BigDecimal lifetimeValueLost, int unvalued, int wonBack,
                           BigDecimal wonBackArr, Split voluntary, Split involuntary, Change vsPriorMonth,
                           Change vsTrailing3Months, List<EmergingCause> emergingCauses,
                           MonthBaseView base) {

    /** Losses of one kind. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Split(int customers, BigDecimal arrLost) {
    }
}
