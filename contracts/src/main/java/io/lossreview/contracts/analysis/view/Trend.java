package io.lossreview.contracts.analysis.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.YearMonth;
import io.lossreview.contracts.base.RatePoint;
import java.util.List;
import java.util.Optional;

/**
 * Monthly series per cause over a range of months; every month of the range is present, also in
 * {@code rates}: the churn rates of the customer base, month by month.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Trend(YearMonth from, YearMonth to, List<CauseSeries> causes, List<RatePoint> rates) {

    /** One cause's series. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CauseSeries(String cause, List<MonthPoint> months) {
    }

    /** A cause's losses in a month of the range; none if the cause lost nobody then (or is not in the range). */
    public MonthPoint point(String cause, YearMonth month) {
        return causes.stream().filter(s -> s.cause().equals(cause)).findFirst()
                .flatMap(s -> s.months().stream().filter(p -> p.month().equals(month)).findFirst())
                .or(() -> Optional.of(MonthPoint.none(month))).get();
    }
}
