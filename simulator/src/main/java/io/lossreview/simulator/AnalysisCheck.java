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
 * misclassifications, whose share of all customers must stay within a bound.
 */
final class AnalysisCheck {

    /** What the analyzer reports for a month: GET /months/{m}/summary and /months/{m}/causes. */
    interface Source {
        JsonNode summary(String month);

        JsonNode causes(String month);
    }

    /** The outcome: lines to print and whether everything held. */
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
        lines.add(String.format(Locale.ROOT, "%-18s %10s %10s %10s", "cause (all months)", "true", "reported", "diff"));
        perCause.forEach((cause, t) -> lines.add(String.format(Locale.ROOT, "%-18s %10d %10d %+10d", cause, t[0], t[1], t[1] - t[0])));
        lines.add(String.format(Locale.ROOT, "month totals: %s; customers under another cause than their true one: %.1f%% (allowed %.1f%%)",
                totalsMatch ? "all match to the cent" : "MISMATCH", share * 100, maxMisclassified * 100));
        return new Result(lines, totalsMatch, share, totalsMatch && share <= maxMisclassified);
    }

    private static void misplaced(Map<String, long[]> perCause, String cause, long reported) {
        perCause.computeIfAbsent(cause, k -> new long[2])[1] += reported;
    }

    private static boolean same(BigDecimal expected, JsonNode reported) {
        return reported.isTextual() && expected.compareTo(new BigDecimal(reported.asText())) == 0;
    }
}
