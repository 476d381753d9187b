package io.lossreview.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Tallies expected against classified causes and prints accuracy, per-cause accuracy and the misses. */
final class AccuracyReport {

    private record Miss(String expected, Classification actual, String input) {
    }

    private final String title;
    private final Map<String, int[]> perCause = new TreeMap<>(); // cause -> {right, total}
    private final List<Miss> misses = new ArrayList<>();
    private int right;
    private int total;

    AccuracyReport(String title) {
        this.title = title;
    }

    void add(String expected, Classification actual, String input) {
        boolean ok = expected.equals(actual.primaryCause());
        int[] counts = perCause.computeIfAbsent(expected, k -> new int[2]);
        counts[0] += ok ? 1 : 0;
        counts[1]++;
        right += ok ? 1 : 0;
        total++;
        if (!ok) {
            misses.add(new Miss(expected, actual, input));
        }
    }

    double accuracy() {
        return total == 0 ? 0 : (double) right / total;
    }

    double accuracy(String cause) {
        int[] counts = perCause.get(cause);
        return counts == null ? 0 : (double) counts[0] / counts[1];
    }

    void print(int maxMisses) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== %s: accuracy %.3f (%d/%d) ===%n", title, accuracy(), right, total));
        perCause.forEach((cause, c) -> out.append(String.format(Locale.ROOT, "  %-18s %.3f (%d/%d)%n",
                cause, (double) c[0] / c[1], c[0], c[1])));
        out.append("  misses (expected -> got [confidence]: input):\n");
        misses.stream().limit(maxMisses).forEach(m -> out.append(String.format(Locale.ROOT, "    %s -> %s/%s [%.2f]: %s%n",
                m.expected(), m.actual().primaryCause(), m.actual().secondaryCause(), m.actual().confidence(), m.input())));
        if (misses.size() > maxMisses) {
            out.append("    ... and ").append(misses.size() - maxMisses).append(" more\n");
        }
        System.out.print(out);
    }
}
