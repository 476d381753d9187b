package io.lossreview.analyzer.analysis;

import io.lossreview.contracts.analysis.EmergingCause;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Flags causes whose losses this month are significantly above their baseline, with a one-sided Poisson
 * test. Where the customer base is known for this month and every baseline month, the test has exposure:
 * the cause's baseline rate (its baseline losses / the customers at risk then) times this month's
 * customers at risk is the expected count, so a base that grows does not make every cause "emerging".
 * Otherwise it tests this month's count against the mean count of the baseline months, and says that it
 * is a count test. A cause never seen in the baseline is tested against a floor, so a brand-new cause
 * needs a handful of losses too.
 */
public final class EmergingCauses {

    /** Expected losses per month assumed for a cause absent from the whole baseline. */
    static final double NEW_CAUSE_RATE = 0.5;

    private final double significance;
    private final int minimumCount;

    public EmergingCauses(double significance, int minimumCount) {
        this.significance = significance;
        this.minimumCount = minimumCount;
    }

    /** Customers at risk (active at the start) this month and in each baseline month, in the baseline's order. */
    public record Exposure(int current, List<Integer> baseline) {

        int baselineTotal() {
            return baseline.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param current  losses per cause this month
     * @param baseline losses per cause in each baseline month (missing = 0); at least one month
     * @param exposure the customers at risk, or null where the base is not known for all these months
     */
    public List<EmergingCause> detect(Map<String, Integer> current, List<Map<String, Integer>> baseline, Exposure exposure) {
        List<EmergingCause> flagged = new ArrayList<>();
        if (baseline.isEmpty()) {
            return flagged; // no history, no baseline to be above
        }
        boolean rates = exposure != null && exposure.current() > 0 && exposure.baselineTotal() > 0;
        current.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int count = e.getValue();
            int baselineLosses = baseline.stream().mapToInt(m -> m.getOrDefault(e.getKey(), 0)).sum();
            // The count this month would have at the baseline's pace: its rate times the customers at risk now.
            double expected = rates ? (double) baselineLosses / exposure.baselineTotal() * exposure.current()
                    : (double) baselineLosses / baseline.size();
            if (count < minimumCount || count <= expected) {
                return;
            }
            double p = PoissonDistribution.of(Math.max(expected, NEW_CAUSE_RATE)).survivalProbability(count - 1); // P(X >= count)
            if (p < significance) {
                String explanation = rates
                        ? explainRate(e.getKey(), count, exposure.current(), baselineLosses, exposure.baselineTotal(), baseline.size(), p)
                        : explainCount(e.getKey(), count, expected, baseline.size(), p);
                flagged.add(new EmergingCause(e.getKey(), count, BigDecimal.valueOf(expected).setScale(1, RoundingMode.HALF_EVEN),
                        round(p), explanation));
            }
        });
        flagged.sort((a, b) -> Double.compare(a.pValue(), b.pValue()));
        return flagged;
    }

    private static String explainRate(String cause, int count, int atRisk, int baselineLosses, int baselineAtRisk, int months,
                                      double p) {
        return String.format(Locale.ROOT, "%s: %d losses, %s of customers, vs %s baseline (prior %d months), %s", cause, count,
                percent((double) count / atRisk), percent((double) baselineLosses / baselineAtRisk), months, pText(p));
    }

    private static String explainCount(String cause, int count, double mean, int months, double p) {
        if (mean == 0) {
            return String.format(Locale.ROOT, "%s: new, %d losses vs none in the prior %d months, %s (count test: no customer base known)",
                    cause, count, months, pText(p));
        }
        return String.format(Locale.ROOT, "%s: %d losses vs %.1f/month baseline (prior %d months), %s (count test: no customer base known)",
                cause, count, mean, months, pText(p));
    }

    private static String pText(double p) {
        return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static double round(double p) {
        return BigDecimal.valueOf(p).round(new java.math.MathContext(3)).doubleValue();
    }
}
