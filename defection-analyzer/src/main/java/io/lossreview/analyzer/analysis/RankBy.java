package io.lossreview.analyzer.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/** How causes are ranked. Ties always fall to ARR lost, then customers, then the cause code. */
public enum RankBy {
    ARR("ARR lost, highest first"),
    CUSTOMERS("customers lost, highest first"),
    COMPOSITE("composite = (share of ARR lost + share of customers lost) / 2, highest first");

    public final String rule;

    RankBy(String rule) {
        this.rule = rule;
    }

    public static RankBy parse(String value) {
        for (RankBy r : values()) {
            if (r.name().equalsIgnoreCase(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException(value);
    }

    /**
     * The share some causes (one, or the cumulative sum of the first ones) have under this ranking,
     * rounded once at the end, so the Pareto line ends at exactly 1.
     */
    public BigDecimal share(Measures part, Measures month) {
        BigDecimal a = part.arr();
        BigDecimal totalA = month.arr();
        BigDecimal c = BigDecimal.valueOf(part.customers());
        BigDecimal totalC = BigDecimal.valueOf(month.customers());
        return switch (this) {
            case ARR -> share(a, totalA);
            case CUSTOMERS -> share(c, totalC);
            // (a/A + c/C) / 2 as one division; a side with a zero total counts as zero
            case COMPOSITE -> totalA.signum() == 0 || totalC.signum() == 0
                    ? share(totalA.signum() == 0 ? c : a, totalA.signum() == 0 ? totalC : totalA)
                            .divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN)
                    : a.multiply(totalC).add(c.multiply(totalA))
                            .divide(totalA.multiply(totalC).multiply(BigDecimal.valueOf(2)), 4, RoundingMode.HALF_EVEN);
        };
    }

    public static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(4) : part.divide(whole, 4, RoundingMode.HALF_EVEN);
    }

    /** Best first, deterministic. Shares are compared unrounded so ties are real ties. */
    public Comparator<java.util.Map.Entry<String, Measures>> order(Measures month) {
        Comparator<java.util.Map.Entry<String, Measures>> byArr = Comparator.comparing(e -> e.getValue().arr());
        Comparator<java.util.Map.Entry<String, Measures>> byCustomers = Comparator.comparingInt(e -> e.getValue().customers());
        Comparator<java.util.Map.Entry<String, Measures>> primary = switch (this) {
            case ARR -> byArr;
            case CUSTOMERS -> byCustomers;
            case COMPOSITE -> Comparator.comparingDouble(e -> composite(e.getValue(), month));
        };
        return primary.reversed().thenComparing(byArr.reversed()).thenComparing(byCustomers.reversed())
                .thenComparing(java.util.Map.Entry::getKey);
    }

    private static double composite(Measures cause, Measures month) {
        double value = month.arr().signum() == 0 ? 0 : cause.arr().doubleValue() / month.arr().doubleValue();
        double volume = month.customers() == 0 ? 0 : (double) cause.customers() / month.customers();
        return (value + volume) / 2;
    }
}
