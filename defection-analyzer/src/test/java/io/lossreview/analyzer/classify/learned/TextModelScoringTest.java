package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The text model scores with LibLinear's weights directly, for speed; its probabilities must be Tribuo's own, in the
 * same order, on every held-out row of every language (words it knows, words it never met, codes, empty texts).
 */
class TextModelScoringTest {

    @Test
    void scoresExactlyAsTribuoPredicts() {
        TextModel model = CorpusModel.trained();
        Function<Map<String, Double>, Map<String, Double>> tribuoScorer = model.tribuoScorer();
        Classifier rules = new Classifier(Taxonomy.defaults(), List.of());
        List<Corpus.Row> rows = Corpus.rows(Corpus.Split.HELD_OUT);
        assertFalse(rows.isEmpty());
        for (Corpus.Row row : rows) {
            Map<String, Double> features = TextFeatures.of(row.input(), rules.ruleStrength(row.input()));
            Map<String, Double> tribuo = tribuoScorer.apply(features);
            Map<String, Double> direct = model.probabilities(features);
            assertEquals(List.copyOf(tribuo.keySet()), List.copyOf(direct.keySet()), row.id());
            tribuo.forEach((cause, p) -> assertEquals(p, direct.get(cause), 1e-12, row.id() + " " + cause));
        }
    }

    @Test
    void aTextOfUnknownWordsGetsThePrior() {
        TextModel model = CorpusModel.trained();
        Map<String, Double> features = Map.of("w=zzqxv", 1.0, "c=<zzq", 1.0, "bias", 1.0);
        assertEquals(model.tribuoScorer().apply(features), model.probabilities(features));
    }
}
