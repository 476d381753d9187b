package io.lossreview.analyzer.analysis;

import io.lossreview.analyzer.defection.Dimension;
import io.lossreview.analyzer.defection.AnalyzedDefection;
import io.lossreview.analyzer.defection.Dimensions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one defection adds to the monthly totals, and the net change a batch of transitions makes. */
public final class Contributions {

    private Contributions() {
    }

    public static Measures of(AnalyzedDefection d) {
        if (d.wonBack()) {
            return new Measures(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 1, orZero(d.arr()));
        }
        return new Measures(1, d.seats(), orZero(d.mrr()), orZero(d.arr()), orZero(d.lifetimeValue()),
                d.valuePending() ? 1 : 0, 0, BigDecimal.ZERO);
    }

    /** The rows a defection counts in: the month as a whole and one bucket per breakdown dimension. */
    public static List<TotalKey> keys(AnalyzedDefection d) {
        String cause = d.cause();
        return List.of(
                new TotalKey(d.lossMonth(), TotalKey.ALL, "", cause),
                new TotalKey(d.lossMonth(), Dimension.SEGMENT.key(), d.segment(), cause),
                new TotalKey(d.lossMonth(), Dimension.REGION.key(), d.region(), cause),
                new TotalKey(d.lossMonth(), Dimension.PLAN.key(), d.plan(), cause),
                new TotalKey(d.lossMonth(), Dimension.TENURE.key(), d.tenureBand(), cause),
                new TotalKey(d.lossMonth(), Dimension.VOLUNTARY.key(), Dimensions.voluntary(d.voluntary()), cause));
    }

    /** Net change of replacing each {@code before} (null = new) with its {@code after}. */
    public static Map<TotalKey, Measures> delta(List<Transition> transitions) {
        Map<TotalKey, Measures> delta = new HashMap<>();
        for (Transition t : transitions) {
            if (t.before() != null) {
                Measures minus = of(t.before()).negate();
                keys(t.before()).forEach(k -> delta.merge(k, minus, Measures::plus));
            }
            if (t.after() != null) {
                Measures plus = of(t.after());
                keys(t.after()).forEach(k -> delta.merge(k, plus, Measures::plus));
            }
        }
        delta.values().removeIf(Measures::isZero);
        return delta;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** A defection before (null when new) and after a change (null when withdrawn). */
    public record Transition(AnalyzedDefection before, AnalyzedDefection after) {
    }
}
