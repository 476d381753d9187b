package io.lossreview.analyzer.classify.learned;

/**
 * Turns the blend's probability of its top cause into a confidence that means what it says: of the defections
 * classified at confidence 0.7, about 70 % are right. So the review queue, which takes what is below
 * {@code REVIEW_THRESHOLD}, takes exactly the classifications that would be wrong most often.
 *
 * <p>Platt scaling, {@code confidence = σ(SLOPE · logit(p) + INTERCEPT)}, fitted by maximum likelihood on the
 * out-of-fold classifications of the 5-fold cross-validation of the corpus' training split (never the held-out
 * rows; last fitted on 27,021 rows, coded rows learned also without their codes). With the learner's cost at 128 the raw blend is
 * over-confident: expected calibration error 0.061 before, 0.012–0.015 after (at a cost of 8 it was under-confident: 0.55
 * was right 63 % of the time).
 * {@code TextModelCrossValidationTest} prints the reliability table and the constants it would fit today, and fails
 * when the error grows past its floor: then refit them.
 */
public final class Calibration {

    static final double SLOPE = 0.89;
    static final double INTERCEPT = 0.0;

    private Calibration() {
    }

    public static double confidence(double probability) {
        double p = Math.min(Math.max(probability, 1e-6), 1 - 1e-6);
        return 1 / (1 + Math.exp(-(SLOPE * Math.log(p / (1 - p)) + INTERCEPT)));
    }

    /** The blend's probability that gave this confidence (to refit the constants from classifications). */
    public static double probability(double confidence) {
        double c = Math.min(Math.max(confidence, 1e-6), 1 - 1e-6);
        return 1 / (1 + Math.exp(-((Math.log(c / (1 - c)) - INTERCEPT) / SLOPE)));
    }
}
