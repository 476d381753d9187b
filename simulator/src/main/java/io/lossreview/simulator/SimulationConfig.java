package io.lossreview.simulator;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate. Every loss falls in one of the {@code months} calendar months (in {@code zone}) starting at
 * {@code firstMonth}; the rates are probabilities per event (duplicates, malformed) or per lost customer (reactivation).
 *
 * @param baseCustomers customers active on the first day of the first month (the opening balance); 0 simulates
 *                      no customer base at all: losses only, as a platform without a subscription ledger sees them
 */
public record SimulationConfig(long seed, YearMonth firstMonth, int months, int customersPerMonth,
                               String reportingCurrency, ZoneId zone,
                               double duplicateRate, double malformedRate, double reactivationRate, int baseCustomers) {

    /** Currencies customers pay in; the reporting currency must be one of them so every rate can be derived. */
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD");

    public SimulationConfig {
        Objects.requireNonNull(firstMonth, "firstMonth");
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        Objects.requireNonNull(zone, "zone");
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be 1..120, was " + months);
        }
        if (customersPerMonth < 0 || customersPerMonth > 1_000_000) {
            throw new IllegalArgumentException("customersPerMonth must be 0..1000000, was " + customersPerMonth);
        }
        if (!CURRENCIES.contains(reportingCurrency)) {
            throw new IllegalArgumentException("reportingCurrency must be one of " + CURRENCIES + ", was " + reportingCurrency);
        }
        if (baseCustomers < 0 || baseCustomers > 10_000_000) {
            throw new IllegalArgumentException("baseCustomers must be 0..10000000, was " + baseCustomers);
        }
        requireRate("duplicateRate", duplicateRate);
        requireRate("malformedRate", malformedRate);
        requireRate("reactivationRate", reactivationRate);
    }

    /** USD, UTC, 1% duplicates, 1% malformed, 4% reactivations, no customer base. */
    public static SimulationConfig defaults(long seed, YearMonth firstMonth, int months, int customersPerMonth) {
        return new SimulationConfig(seed, firstMonth, months, customersPerMonth, "USD", ZoneId.of("UTC"), 0.01, 0.01, 0.04, 0);
    }

    /** The same, with a customer base of this many customers at the opening balance. */
    public SimulationConfig withBaseCustomers(int customers) {
        return new SimulationConfig(seed, firstMonth, months, customersPerMonth, reportingCurrency, zone, duplicateRate,
                malformedRate, reactivationRate, customers);
    }

    /** The opening balance's day: the first day of the first month, so every simulated month has a known base. */
    public java.time.LocalDate balanceDay() {
        return firstMonth.atDay(1);
    }

    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    /** First instant of a month in the configured zone. */
    public Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The latest instant any timestamp in the stream may carry: the last second of the last month. */
    public Instant streamEnd() {
        return monthStart(lastMonth().plusMonths(1)).minusSeconds(1);
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 0.5)) {
            throw new IllegalArgumentException(name + " must be 0..0.5, was " + value);
        }
    }
}
