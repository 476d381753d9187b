package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Not part of the build (its name is no test's): {@code deploy/local/bench-classifier.sh} runs it. The text model's
 * direct scoring against Tribuo's {@code predict} on the same features, in alternating rounds of the same run, and
 * what a whole classification costs with the model and with the rules alone. Every held-out row, all languages.
 */
class ScoringBench {

    private static final int ROUNDS = 7;

    @Test
    void scoring() {
        // Tribuo's model exists only right after training: this one is trained here, not read from the cache.
        Classifier rules = new Classifier(Taxonomy.defaults(), List.of());
        TextModel model = TextModel.train(ModelTraining.labelled(Corpus.rows(Corpus.Split.TRAIN), List.of(), rules),
                TextModel.DEFAULT_COST, "all of the training split");
        Function<Map<String, Double>, Map<String, Double>> tribuoScorer = model.tribuoScorer();
        Classifier withModel = new Classifier(Taxonomy.defaults(), List.of(), model, "bench");
        List<Corpus.Row> rows = Corpus.rows(Corpus.Split.HELD_OUT);
        List<Map<String, Double>> features = new ArrayList<>();
        rows.forEach(r -> features.add(TextFeatures.of(r.input(), rules.ruleStrength(r.input()))));
        double[] tribuo = new double[ROUNDS];
        double[] direct = new double[ROUNDS];
        double[] classify = new double[ROUNDS];
        double[] rulesAlone = new double[ROUNDS];
        for (int warm = 0; warm < 2; warm++) {
            perCall(features, tribuoScorer);
            perCall(features, model::probabilities);
            perCall(rows, r -> withModel.classify(r.input()));
        }
        for (int round = 0; round < ROUNDS; round++) {
            tribuo[round] = perCall(features, tribuoScorer);
            direct[round] = perCall(features, model::probabilities);
            classify[round] = perCall(rows, r -> withModel.classify(r.input()));
            rulesAlone[round] = perCall(rows, r -> rules.classify(r.input()));
        }
        System.out.printf(Locale.ROOT, "BENCH %d rows, %d alternating rounds, medians: Tribuo predict %.1f µs, direct "
                        + "scoring %.1f µs (ratio %.2f); a classification with the model %.1f µs, the rules alone %.1f µs%n",
                rows.size(), ROUNDS, median(tribuo), median(direct), median(direct) / median(tribuo), median(classify),
                median(rulesAlone));
    }

    private static <T> double perCall(List<T> items, Function<T, ?> call) {
        long started = System.nanoTime();
        int sink = 0;
        for (T item : items) {
            sink += call.apply(item).hashCode();
        }
        double micros = (System.nanoTime() - started) / 1e3 / items.size();
        return sink == 42 ? micros + 1e-9 : micros; // the sink keeps the calls from being optimised away
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
