package io.lossreview.analyzer.analysis;

import java.math.BigDecimal;

/**
 * What a set of defections adds up to. Losses and win-backs are kept apart: a won-back customer is
 * not a loss. Unvalued losses count in customers and seats but add nothing to the amounts.
 */
public record Measures(int customers, int seats, BigDecimal mrr, BigDecimal arr, BigDecimal lifetimeValue,
                       int unvalued, int wonBack, BigDecimal wonBackArr) {

    private static final BigDecimal NONE = new BigDecimal("0.00");
    public static final Measures ZERO = new Measures(0, 0, NONE, NONE, NONE, 0, 0, NONE);

    public Measures plus(Measures o) {
        return new Measures(customers + o.customers, seats + o.seats, mrr.add(o.mrr), arr.add(o.arr),
                lifetimeValue.add(o.lifetimeValue), unvalued + o.unvalued, wonBack + o.wonBack,
                wonBackArr.add(o.wonBackArr));
    }

    public Measures negate() {
        return new Measures(-customers, -seats, mrr.negate(), arr.negate(), lifetimeValue.negate(), -unvalued,
                -wonBack, wonBackArr.negate());
    }

    /** Nothing left: every measure is a sum over the same defections, so no counted ones means all zero. */
    public boolean empty() {
        return customers == 0 && wonBack == 0;
    }

    /** A change that changes nothing. */
    public boolean isZero() {
        return customers == 0 && seats == 0 && unvalued == 0 && wonBack == 0 && mrr.signum() == 0
                && arr.signum() == 0 && lifetimeValue.signum() == 0 && wonBackArr.signum() == 0;
    }

    /** Normalized scale so that equal amounts compare equal whatever their trailing zeros. */
    public Measures normalized() {
        return new Measures(customers, seats, scale(mrr), scale(arr), scale(lifetimeValue), unvalued, wonBack,
                scale(wonBackArr));
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
