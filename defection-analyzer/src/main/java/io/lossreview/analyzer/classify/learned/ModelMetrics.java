package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.classify.Classification;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How well a classifier did on labelled rows: accuracy, macro-F1, per-cause precision and recall, the confusion
 * matrix, and the share the review queue would get at the threshold (with the accuracy of the rest).
 *
 * @param confusion   expected cause → classified cause → rows
 * @param reviewShare the share of rows below the review threshold: the ones a person would look at
 * @param keptAccuracy the accuracy on the rows above it: what counts without a person
 * @param reliability  per confidence band: how many rows, their mean confidence and how many were right
 * @param calibrationError the expected calibration error: the rows' mean gap between confidence and accuracy per
 *                     band (0 when a confidence of 0.7 is right 70 % of the time)
 */
public record ModelMetrics(int rows, double accuracy, double macroF1, Map<String, PerCause> perCause,
                           Map<String, Map<String, Integer>> confusion, double reviewThreshold, double reviewShare,
                           double keptAccuracy, List<Band> reliability, double calibrationError) {

    /** Upper bounds of the confidence bands of the reliability table. */
    private static final double[] BANDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001};

    /** Rows whose confidence was in [from, to). */
    public record Band(double from, double to, int rows, double meanConfidence, double accuracy) {
    }

    /** One cause: how many rows had it, and how often the classifier was right about it. */
    public record PerCause(int support, double precision, double recall, double f1) {
    }

    public static ModelMetrics of(List<String> expected, List<Classification> actual, double reviewThreshold) {
        if (expected.size() != actual.size() || expected.isEmpty()) {
            throw new IllegalArgumentException("one classification per labelled row, at least one row");
        }
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int right = 0;
        int review = 0;
        int kept = 0;
        int keptRight = 0;
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            Classification got = actual.get(i);
            confusion.computeIfAbsent(want, k -> new TreeMap<>()).merge(got.primaryCause(), 1, Integer::sum);
            boolean ok = want.equals(got.primaryCause());
            right += ok ? 1 : 0;
            if (got.confidence() < reviewThreshold) {
                review++;
            } else {
                kept++;
                keptRight += ok ? 1 : 0;
            }
        }
        TreeSet<String> causes = new TreeSet<>(confusion.keySet());
        confusion.values().forEach(row -> causes.addAll(row.keySet()));
        Map<String, PerCause> perCause = new TreeMap<>();
        double f1Sum = 0;
        int withSupport = 0;
        for (String cause : causes) {
            int support = confusion.getOrDefault(cause, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int truePositive = confusion.getOrDefault(cause, Map.of()).getOrDefault(cause, 0);
            int predicted = confusion.values().stream().mapToInt(row -> row.getOrDefault(cause, 0)).sum();
            double precision = predicted == 0 ? 0 : (double) truePositive / predicted;
            double recall = support == 0 ? 0 : (double) truePositive / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perCause.put(cause, new PerCause(support, precision, recall, f1));
            if (support > 0) {
                f1Sum += f1;
                withSupport++;
            }
        }
        int n = expected.size();
        int[] bandRows = new int[BANDS.length];
        int[] bandRight = new int[BANDS.length];
        double[] bandConfidence = new double[BANDS.length];
        for (int i = 0; i < n; i++) {
            double c = actual.get(i).confidence();
            int b = 0;
            while (c >= BANDS[b] && b < BANDS.length - 1) {
                b++;
            }
            bandRows[b]++;
            bandConfidence[b] += c;
            bandRight[b] += expected.get(i).equals(actual.get(i).primaryCause()) ? 1 : 0;
        }
        List<Band> reliability = new java.util.ArrayList<>();
        double gap = 0;
        for (int b = 0; b < BANDS.length; b++) {
            if (bandRows[b] > 0) {
                double mean = bandConfidence[b] / bandRows[b];
                double acc = (double) bandRight[b] / bandRows[b];
                reliability.add(new Band(b == 0 ? 0 : BANDS[b - 1], Math.min(1, BANDS[b]), bandRows[b], mean, acc));
                gap += bandRows[b] * Math.abs(mean - acc);
            }
        }
        return new ModelMetrics(n, (double) right / n, f1Sum / withSupport, perCause, confusion, reviewThreshold,
                (double) review / n, kept == 0 ? 0 : (double) keptRight / kept, reliability, gap / n);
    }

    /** The metrics as a reader wants them printed: headline, per cause, then the confusion matrix. */
    public String table(String title) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== %s: %d rows, accuracy %.3f, macro-F1 %.3f, review queue %.1f%% "
                + "at %.2f (accuracy of the rest %.3f) ===%n", title, rows, accuracy, macroF1, 100 * reviewShare,
                reviewThreshold, keptAccuracy));
        out.append(String.format(Locale.ROOT, "  %-18s %7s %9s %7s %5s%n", "cause", "support", "precision", "recall", "F1"));
        perCause.forEach((cause, c) -> out.append(String.format(Locale.ROOT, "  %-18s %7d %9.3f %7.3f %5.3f%n",
                cause, c.support(), c.precision(), c.recall(), c.f1())));
        out.append(String.format(Locale.ROOT, "  reliability (expected calibration error %.3f): confidence band, rows, "
                + "mean confidence, accuracy%n", calibrationError));
        reliability.forEach(b -> out.append(String.format(Locale.ROOT, "  [%.1f, %.1f) %6d %6.3f %6.3f%n", b.from(), b.to(),
                b.rows(), b.meanConfidence(), b.accuracy())));
        List<String> causes = List.copyOf(perCause.keySet());
        out.append("  confusion (rows: expected, columns: classified, in the order above)\n");
        for (String want : causes) {
            out.append(String.format(Locale.ROOT, "  %-18s", want));
            for (String got : causes) {
                out.append(String.format(Locale.ROOT, "%5d", confusion.getOrDefault(want, Map.of()).getOrDefault(got, 0)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
