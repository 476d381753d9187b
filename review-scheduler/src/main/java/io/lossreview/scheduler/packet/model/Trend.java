package io.lossreview.scheduler.packet.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Section 3: the 12 months up to the packet's month, for its top causes. */
public record Trend(List<YearMonth> months, List<Series> series) {

    /** One cause's monthly ARR lost and customers, aligned with {@link #months()}. */
    public record Series(String cause, String label, List<BigDecimal> arrLost, List<Integer> customers) {
    }
}
