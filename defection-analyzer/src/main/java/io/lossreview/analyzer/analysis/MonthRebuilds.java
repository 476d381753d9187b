package io.lossreview.analyzer.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rebuilds a month's totals from its stored defections, reporting any drift it repaired. */
@ApplicationScoped
public class MonthRebuilds {

    /** What a rebuild found: rows that differed (or existed on one side only) before it replaced them. */
    public record Report(YearMonth month, int rows, int driftedRows) {
    }

    private final MonthTotals totals;
    private final ChangedMonths changedMonths;

    public MonthRebuilds(MonthTotals totals, ChangedMonths changedMonths) {
        this.totals = totals;
        this.changedMonths = changedMonths;
    }

    @Transactional
    public Report rebuild(YearMonth month) {
        totals.lockExclusively(List.of(month));
        Map<TotalKey, Measures> stored = totals.stored(month);
        Map<TotalKey, Measures> recomputed = totals.recomputed(month);
        int drifted = drift(stored, recomputed);
        totals.rebuild(month);
        if (drifted > 0) {
            changedMonths.mark(List.of(month));
        }
        return new Report(month, recomputed.size(), drifted);
    }

    static int drift(Map<TotalKey, Measures> stored, Map<TotalKey, Measures> recomputed) {
        Set<TotalKey> keys = new HashSet<>(stored.keySet());
        keys.addAll(recomputed.keySet());
        return (int) keys.stream().filter(k -> !java.util.Objects.equals(stored.get(k), recomputed.get(k))).count();
    }
}
