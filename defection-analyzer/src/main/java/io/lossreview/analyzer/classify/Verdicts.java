package io.lossreview.analyzer.classify;

/** How evidence weights become a confidence. */
final class Verdicts {

    /** Weight at which strength reaches 1 - 1/e (0.63): about one CRM code, or one keyword plus a little. */
    static final double SCALE = 1.6;
    /** Below this share of the winner's weight a runner-up is noise, not a secondary cause. */
    static final double SECONDARY_SHARE = 0.4;
    static final double NO_EVIDENCE_CONFIDENCE = 0.2;
    static final double INVOLUNTARY_MIN = 0.95;
    static final double INVOLUNTARY_MAX = 0.99;
    static final double EXACT_EXAMPLE_CONFIDENCE = 0.97;
    static final double NEAR_EXAMPLE_MIN = 0.85;
    static final double NEAR_EXAMPLE_MAX = 0.9;
    /** The text model's runner-up is a secondary cause from this probability on (after the winner's share). */
    static final double SECONDARY_PROBABILITY = 0.2;

    private Verdicts() {
    }

    /**
     * Saturating in the winner's weight (one keyword is weak, a code plus a matching phrase is near-certain) and
     * discounted by a close runner-up: a tie halves it.
     */
    static double confidence(double top, double second) {
        if (top <= 0) {
            return NO_EVIDENCE_CONFIDENCE;
        }
        double strength = strength(top);
        return round(strength * (1 - 0.5 * Math.min(1, second / top)));
    }

    /** A cause's rule weight as a 0–1 strength: saturating, one keyword is weak, a code plus a phrase near-certain. */
    static double strength(double weight) {
        return weight <= 0 ? 0 : 1 - Math.exp(-weight / SCALE);
    }

    /** Near-duplicates at the threshold get the minimum, identical term sets the maximum. */
    static double nearExample(double similarity) {
        double t = (similarity - ExampleIndex.NEAR_DUPLICATE) / (1 - ExampleIndex.NEAR_DUPLICATE);
        return round(NEAR_EXAMPLE_MIN + (NEAR_EXAMPLE_MAX - NEAR_EXAMPLE_MIN) * Math.max(0, Math.min(1, t)));
    }

    static double round(double confidence) {
        return Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }
}
