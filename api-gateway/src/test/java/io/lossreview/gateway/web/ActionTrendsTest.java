package io.lossreview.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An action's card compares its cause's latest month with the month before the action opened. */
class ActionTrendsTest {

    private static final Map<String, Object> TREND = Map.of("from", "2026-07", "to", "2026-10", "causes", List.of(
            Map.of("cause", "PRICE", "months", List.of(
                    Map.of("month", "2026-07", "customers", 12, "arrLost", "120000.00"),
                    Map.of("month", "2026-08", "customers", 9, "arrLost", "90000.00"),
                    Map.of("month", "2026-10", "customers", 6, "arrLost", "58000.00")))));

    @Test
    void theCauseIsComparedWithTheMonthBeforeTheActionOpened() {
        ActionTrends.CauseTrend t = ActionTrends.of(Map.of("cause", "PRICE", "openedMonth", "2026-08"), TREND, "Price", "$");
        assertEquals(List.of("2026-07", "2026-08", "2026-09", "2026-10"), t.points().stream().map(ActionTrends.Point::month).toList());
        assertEquals(List.of(12, 9, 0, 6), t.points().stream().map(ActionTrends.Point::customers).toList(),
                "a month without losses of the cause is a zero, not a gap");
        assertEquals(ActionTrends.SPARK_HEIGHT, t.points().get(0).height(), "the tallest month fills the sparkline");
        assertEquals("Price: 12 customers lost in July 2026 (before it opened), 6 customers lost in October 2026; "
                + "ARR lost −$62K.", t.sentence());
    }

    @Test
    void anActionOpenedInTheNewestMonthHasNothingToCompareYet() {
        ActionTrends.CauseTrend t = ActionTrends.of(Map.of("cause", "PRICE", "openedMonth", "2026-11"),
                Map.of("from", "2026-10", "to", "2026-10", "causes", List.of()), "Price", "$");
        assertEquals(List.of(), t.points());
        assertEquals("Opened this month: the first comparison comes when the month is over.", t.sentence());
        assertNull(ActionTrends.of(Map.of("cause", "PRICE"), TREND, "Price", "$"), "no opening month, no trend");
    }

    @Test
    void theRangeStartsBeforeTheOldestActionButNotTooFarBack() {
        YearMonth to = YearMonth.of(2026, 10);
        assertEquals(YearMonth.of(2026, 4), ActionTrends.from(List.of(Map.of("openedMonth", "2026-05"),
                Map.of("openedMonth", "2026-09")), to));
        assertEquals(to.minusMonths(ActionTrends.MAX_MONTHS - 1L), ActionTrends.from(List.of(Map.of("openedMonth", "2020-01")), to));
    }
}
