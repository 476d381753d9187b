package io.lossreview.gateway.web;

import io.lossreview.common.problem.Params;
import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.gateway.routes.AnalysisRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

/** Which month a page shows: the one asked for, else the newest month with losses. */
@ApplicationScoped
public class Months {

    private final PageCalls calls;
    private final AnalysisRoutes analysis;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public Months(PageCalls calls, AnalysisRoutes analysis, BusinessCalendar calendar, Clock clock) {
        this.calls = calls;
        this.analysis = analysis;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The month the review is about: the last month that has ended, or the newest month with losses if that is
     * older (a quiet month, or data that stops earlier). A month still in progress is never the default: its calls
     * and its review do not exist yet. Empty when the analyzer cannot say which months have losses.
     */
    Optional<YearMonth> underReview() {
        Loaded newest = newest();
        if (!newest.ok()) {
            return Optional.empty();
        }
        YearMonth lastEnded = calendar.month(clock.instant()).minusMonths(1);
        YearMonth withLosses = endOf(newest);
        return Optional.of(withLosses.isBefore(lastEnded) ? withLosses : lastEnded);
    }

    /** Is the month still going on (in the business time zone)? */
    boolean inProgress(YearMonth month) {
        return !month.isBefore(calendar.month(clock.instant()));
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
