package io.lossreview.simulator;

/**
 * How likely each true cause is in a given month. The mix drifts so the review has trends to find: price slowly
 * loses weight, competitors gain, and support jumps in the last three months (an emerging cause).
 */
final class CauseMix {

    /** The cause that jumps in the last three months. */
    static final Cause EMERGING = Cause.SUPPORT;

    /** Share of involuntary (failed payment) losses, independent of the month. */
    static final double INVOLUNTARY_SHARE = 0.08;

    private CauseMix() {
    }

    /** Weights indexed by {@link Cause#ordinal()}; they need not sum to 1. */
    static double[] weights(int monthIndex, int months) {
        double t = months <= 1 ? 0 : (double) monthIndex / (months - 1); // 0 in the first month, 1 in the last
        boolean supportSpike = months > 3 && monthIndex >= months - 3;
        double[] w = new double[Cause.values().length];
        w[Cause.PRICE.ordinal()] = 22 - 10 * t;
        w[Cause.MISSING_FEATURES.ordinal()] = 14;
        w[Cause.PRODUCT_QUALITY.ordinal()] = 10;
        w[EMERGING.ordinal()] = supportSpike ? 21 : 5;
        w[Cause.EASE_OF_USE.ordinal()] = 9;
        w[Cause.COMPETITOR.ordinal()] = 10 + 8 * t;
        w[Cause.NO_LONGER_NEEDED.ordinal()] = 13;
        w[Cause.OTHER.ordinal()] = 7;
        double voluntary = 0;
        for (double x : w) {
            voluntary += x;
        }
        w[Cause.INVOLUNTARY.ordinal()] = voluntary * INVOLUNTARY_SHARE / (1 - INVOLUNTARY_SHARE);
        return w;
    }
}
