package io.lossreview.gateway.web;

import io.lossreview.common.problem.Params;
import io.lossreview.gateway.routes.AnalysisRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.Optional;

/** Which month a page shows: the one asked for, else the newest month with losses. */
@ApplicationScoped
public class Months {

    private final PageCalls calls;
    private final AnalysisRoutes analysis;

    public Months(PageCalls calls, AnalysisRoutes analysis) {
        this.calls = calls;
        this.analysis = analysis;
    }

    /** Empty when the text is no month. */
    static Optional<YearMonth> parse(String month) {
        try {
            return Optional.of(Params.month("month", month));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The analyzer's trend ends at the newest month with losses. */
    Loaded newest() {
        return calls.load(() -> analysis.trends(null, null, null));
    }

    /** "November 2026". */
    static String title(YearMonth month) {
        return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.ENGLISH));
    }

    static YearMonth endOf(Loaded trend) {
        return YearMonth.parse(String.valueOf(trend.map().get("to")));
    }
}
