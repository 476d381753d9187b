package io.lossreview.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Generates the daily rates (a gentle, mean-reverting random walk) and looks them up the way the platform must. */
final class FxTable {

    static final int RATE_SCALE = 6;
    private static final long MICROS = 1_000_000L;
    /** USD per unit, in millionths: where each walk starts and drifts back to. */
    private static final Map<String, Long> USD_PER_UNIT = Map.of("EUR", 1_080_000L, "GBP", 1_270_000L, "CAD", 740_000L);

    private final String reportingCurrency;
    private final List<FxRate> rates;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();

    private FxTable(String reportingCurrency, List<FxRate> rates) {
        this.reportingCurrency = reportingCurrency;
        this.rates = List.copyOf(rates);
        for (FxRate r : rates) {
            byCurrency.computeIfAbsent(r.currency(), c -> new TreeMap<>()).put(r.date(), r.rate());
        }
    }

    /** A table over given rates (tests pin the arithmetic with hand-picked ones). */
    static FxTable of(String reportingCurrency, List<FxRate> rates) {
        return new FxTable(reportingCurrency, rates);
    }

    /** One rate per non-reporting currency for every day from the month before the first to the month after the last. */
    static FxTable generate(SimulationConfig config, Rand rand) {
        LocalDate from = config.firstMonth().minusMonths(1).atDay(1);
        LocalDate to = config.lastMonth().plusMonths(1).atEndOfMonth();
        List<String> foreign = USD_PER_UNIT.keySet().stream().sorted().toList();
        Map<String, Long> usdPer = new HashMap<>(USD_PER_UNIT);
        List<FxRate> rates = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (String c : foreign) { // fixed order: the draws must not depend on map iteration order
                long r = usdPer.get(c);
                long drift = (USD_PER_UNIT.get(c) - r) / 30;  // pulls the walk back towards its base
                long shock = r * rand.between(-3000, 3000) / MICROS; // at most ±0.3% a day
                usdPer.put(c, r + drift + shock);
            }
            addDay(rates, day, config.reportingCurrency(), usdPer);
        }
        return new FxTable(config.reportingCurrency(), rates);
    }

    private static void addDay(List<FxRate> out, LocalDate day, String reporting, Map<String, Long> usdPer) {
        BigDecimal reportingInUsd = reporting.equals("USD") ? BigDecimal.ONE : micros(usdPer.get(reporting));
        for (String c : SimulationConfig.CURRENCIES.stream().sorted().toList()) {
            if (c.equals(reporting)) {
                continue;
            }
            BigDecimal inUsd = c.equals("USD") ? BigDecimal.ONE : micros(usdPer.get(c));
            out.add(new FxRate(day, c, inUsd.divide(reportingInUsd, RATE_SCALE, RoundingMode.HALF_UP)));
        }
    }

    private static BigDecimal micros(long value) {
        return BigDecimal.valueOf(value, RATE_SCALE);
    }

    List<FxRate> rates() {
        return rates;
    }

    /** Reporting-currency units per unit of {@code currency}: the rate with the latest date on or before {@code date}. */
    BigDecimal rate(String currency, LocalDate date) {
        if (currency.equals(reportingCurrency)) {
            return BigDecimal.ONE;
        }
        NavigableMap<LocalDate, BigDecimal> series = byCurrency.get(currency);
        Map.Entry<LocalDate, BigDecimal> entry = series == null ? null : series.floorEntry(date);
        if (entry == null) {
            throw new IllegalStateException("no " + currency + " rate on or before " + date);
        }
        return entry.getValue();
    }
}
