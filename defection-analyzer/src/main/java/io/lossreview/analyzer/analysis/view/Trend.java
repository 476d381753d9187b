package io.lossreview.analyzer.analysis.view;

import java.time.YearMonth;
import java.util.List;

/** Monthly series per cause over a range of months; every month of the range is present. */
public record Trend(YearMonth from, YearMonth to, List<CauseSeries> causes) {

    /** One cause's series. */
    public record CauseSeries(String cause, List<MonthPoint> months) {
    }
}
