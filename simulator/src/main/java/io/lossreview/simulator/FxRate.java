package io.lossreview.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Daily exchange rate: {@code rate} units of the reporting currency buy one unit of {@code currency}.
 */
public record FxRate(LocalDate date, String currency, BigDecimal rate) {

    public static final String CSV_HEADER = "date,currency,rate";

    /** "date,currency,rate" then one line per rate, each line ending in a newline. */
    public static String toCsv(List<FxRate> rates) {
        StringBuilder sb = new StringBuilder(rates.size() * 24 + 20).append(CSV_HEADER).append('\n');
        for (FxRate r : rates) {
            sb.append(r.date()).append(',').append(r.currency()).append(',').append(r.rate().toPlainString()).append('\n');
        }
        return sb.toString();
    }
}
