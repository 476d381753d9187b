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
 * Flags causes whose losses this month are significantly above their baseline: a one-sided Poisson
 * test of this month's count against the mean count of the baseline months. A cause never seen in
 * the baseline is tested against a floor rate, so a brand-new cause needs a handful of losses too.
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

    /**
     * @param current  losses per cause this month
     * @param baseline losses per cause in each baseline month (missing = 0); at least one month
     */
    public List<EmergingCause> detect(Map<String, Integer> current, List<Map<String, Integer>> baseline) {
        List<EmergingCause> flagged = new ArrayList<>();
        if (baseline.isEmpty()) {
            return flagged; // no history, no baseline to be above
        }
        current.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int count = e.getValue();
            double mean = baseline.stream().mapToInt(m -> m.getOrDefault(e.getKey(), 0)).average().orElse(0);
            if (count < minimumCount || count <= mean) {
                return;
            }
            double rate = Math.max(mean, NEW_CAUSE_RATE);
            double p = PoissonDistribution.of(rate).survivalProbability(count - 1); // P(X >= count)
            if (p < significance) {
                flagged.add(new EmergingCause(e.getKey(), count,
                        BigDecimal.valueOf(mean).setScale(1, RoundingMode.HALF_EVEN), round(p),
                        explain(e.getKey(), count, mean, baseline.size(), p)));
            }
        });
        flagged.sort((a, b) -> Double.compare(a.pValue(), b.pValue()));
        return flagged;
    }

    private static String explain(String cause, int count, double mean, int months, double p) {
        String pText = p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
        if (mean == 0) {
            return String.format(Locale.ROOT, "%s: new, %d losses vs none in the prior %d months, %s",
                    cause, count, months, pText);
        }
        return String.format(Locale.ROOT, "%s: %d losses vs %.1f/month baseline (prior %d months), %s",
                cause, count, mean, months, pText);
    }

    private static double round(double p) {
        return BigDecimal.valueOf(p).round(new java.math.MathContext(3)).doubleValue();
    }
}
