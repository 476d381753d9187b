package io.lossreview.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares what defection-analyzer reports for each simulated month with the simulator's truth:
 * month totals must match to the cent; per-cause customers may differ only by the classifier's
 * misclassifications, whose share of all customers must stay within a bound. Where a customer base was
 * simulated, each month's base, movements and rates must match too ({@link BaseCheck}), and the cause
 * that jumps in the last three months must be flagged as emerging on rates in the first of them.
 */
final class AnalysisCheck {

    /** What the analyzer reports for a month: GET /months/{m}/summary and /months/{m}/causes. */
    interface Source {
        JsonNode summary(String month);

        JsonNode causes(String month);

        /** GET /months/{m}/base, or a missing node while the month has none. */
        JsonNode base(String month);
    }

    /**
     * The outcome: lines to print and whether everything held.
     *
     * @param totalsMatch month totals and (where simulated) the month bases all match
     */
    record Result(List<String> lines, boolean totalsMatch, double misclassifiedShare, boolean passed) {
    }

    private AnalysisCheck() {
    }

    static Result run(ExpectedFigures expected, Source analyzer, double maxMisclassified) {
        List<String> lines = new ArrayList<>();
        boolean totalsMatch = true;
        long customers = 0;
        long misplaced = 0; // sum over months and causes of |reported - true|; each misclassification counts twice
        Map<String, long[]> perCause = new LinkedHashMap<>(); // cause -> {true, reported}
        lines.add(String.format(Locale.ROOT, "%-8s %21s %17s %27s %27s %13s", "month", "customers exp/got",
                "seats exp/got", "MRR exp/got", "ARR exp/got", "won back"));
        for (ExpectedFigures.MonthFigures m : expected.months()) {
            JsonNode s = analyzer.summary(m.month());
            boolean ok = m.customers() == s.path("customers").asLong() && m.seats() == s.path("seats").asLong()
                    && same(m.mrr(), s.path("mrrLost")) && same(m.arr(), s.path("arrLost"))
                    && m.wonBack() == s.path("wonBack").asLong() && m.unvalued() == s.path("unvalued").asLong();
            totalsMatch &= ok;
            lines.add(String.format(Locale.ROOT, "%-8s %10d/%-10s %8d/%-8s %13s/%-13s %13s/%-13s %6d/%-6s %s",
                    m.month(), m.customers(), s.path("customers").asText(), m.seats(), s.path("seats").asText(),
                    m.mrr().toPlainString(), s.path("mrrLost").asText(), m.arr().toPlainString(),
                    s.path("arrLost").asText(), m.wonBack(), s.path("wonBack").asText(), ok ? "OK" : "MISMATCH"));
            Map<String, Long> reported = new LinkedHashMap<>();
            analyzer.causes(m.month()).path("causes").forEach(c -> reported.put(c.path("cause").asText(), c.path("customers").asLong()));
            for (Map.Entry<String, ExpectedFigures.CauseFigures> e : m.byCause().entrySet()) {
                long truth = e.getValue().customers();
                long got = reported.getOrDefault(e.getKey(), 0L);
                misplaced += Math.abs(got - truth);
                long[] t = perCause.computeIfAbsent(e.getKey(), k -> new long[2]);
                t[0] += truth;
                t[1] += got;
            }
            reported.keySet().stream().filter(c -> !m.byCause().containsKey(c))
                    .forEach(c -> misplaced(perCause, c, reported.get(c)));
            misplaced += reported.entrySet().stream().filter(e -> !m.byCause().containsKey(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            customers += m.customers();
        }
        double share = customers == 0 ? 0 : misplaced / 2.0 / customers;
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%-18s %10s %10s %10s %8s", "cause (all months)", "true", "reported", "diff", "diff %"));
        double worst = 0;
        for (Map.Entry<String, long[]> e : perCause.entrySet()) {
            long[] t = e.getValue();
            double relative = t[0] == 0 ? (t[1] == 0 ? 0 : 1) : (double) (t[1] - t[0]) / t[0];
            worst = Math.max(worst, Math.abs(relative));
            lines.add(String.format(Locale.ROOT, "%-18s %10d %10d %+10d %+7.1f%%", e.getKey(), t[0], t[1], t[1] - t[0], relative * 100));
        }
        lines.add(String.format(Locale.ROOT, "largest per-cause error: %.1f%% of the true count (the classifier's target is 1%%)", worst * 100));
        lines.add(String.format(Locale.ROOT, "month totals: %s; customers under another cause than their true one: %.1f%% (allowed %.1f%%)",
                totalsMatch ? "all match to the cent" : "MISMATCH", share * 100, maxMisclassified * 100));
        boolean basesMatch = bases(expected, analyzer, lines);
        boolean emergingFlagged = emerging(expected, analyzer, lines);
        return new Result(lines, totalsMatch && basesMatch, share,
                totalsMatch && basesMatch && emergingFlagged && share <= maxMisclassified);
    }

    private static boolean bases(ExpectedFigures expected, Source analyzer, List<String> lines) {
        if (expected.months().stream().allMatch(m -> m.base() == null)) {
            return true;
        }
        boolean all = true;
        lines.add("");
        lines.add(BaseCheck.header());
        for (ExpectedFigures.MonthFigures m : expected.months()) {
            BaseCheck.Outcome o = BaseCheck.compare(m.month(), m.base(), analyzer.base(m.month()));
            lines.add(o.line());
            all &= o.matches();
        }
        lines.add("month bases: " + (all ? "all match (counts exact, money to the cent, rates to 0.01 percentage point)" : "MISMATCH"));
        return all;
    }

    /** The simulated mix makes {@link CauseMix#EMERGING} jump in the last three months (of more than three). */
    private static boolean emerging(ExpectedFigures expected, Source analyzer, List<String> lines) {
        int n = expected.months().size();
        if (n <= 3) {
            return true;
        }
        ExpectedFigures.MonthFigures first = expected.months().get(n - 3);
        String cause = CauseMix.EMERGING.name();
        JsonNode flagged = null;
        for (JsonNode e : analyzer.summary(first.month()).path("emergingCauses")) {
            flagged = e.path("cause").asText().equals(cause) ? e : flagged;
        }
        boolean onRates = first.base() == null || flagged != null && flagged.path("explanation").asText().contains("% of customers");
        boolean ok = flagged != null && onRates;
        lines.add(String.format(Locale.ROOT, "emerging in %s: %s %s%s", first.month(), cause,
                flagged == null ? "NOT FLAGGED" : "flagged: " + flagged.path("explanation").asText(),
                ok ? "" : onRates ? "" : " (NOT A RATE TEST)"));
        return ok;
    }

    private static void misplaced(Map<String, long[]> perCause, String cause, long reported) {
        perCause.computeIfAbsent(cause, k -> new long[2])[1] += reported;
    }

    private static boolean same(BigDecimal expected, JsonNode reported) {
        return reported.isTextual() && expected.compareTo(new BigDecimal(reported.asText())) == 0;
    }
}
