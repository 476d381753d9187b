package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The classes fitted side by side give LibLinear's own model, as closely as LibLinear gives itself: trained on a
 * twelfth of the training rows (every cause, a few seconds), both trainers' verdicts agree on at least 99% of the
 * held-out rows and no probability differs by more than 0.15.
 * <p>
 * Not to the last digit: LibLinear's solver stops at a tolerance ({@code TextModel}'s 0.01), and where it stops
 * depends on the order it sums over the rows, which fitting each class as its own problem changes. LibLinear's own
 * trainer given the same rows reversed differs from itself as much (measured on this twelfth: largest difference in a
 * probability 0.076, 17 verdicts of 10,904 changed, all near-ties; side by side: 0.060 and 30). A class fitted
 * against the wrong rows, with the wrong cost or under another class's label changes most verdicts.
 */
class OneAgainstTheRestTrainerTest {

    @Test
    void classesFittedSideBySideScoreAsLibLinearsOwnLoop() {
        Classifier rules = new Classifier(Taxonomy.defaults(), List.of());
        List<TextModel.Labelled> all = ModelTraining.labelled(Corpus.rows(Corpus.Split.TRAIN), List.of(), rules);
        List<TextModel.Labelled> rows = IntStream.range(0, all.size()).filter(i -> i % 12 == 0).mapToObj(all::get).toList();
        TextModel apart = TextModel.train(rows, TextModel.DEFAULT_COST, "a twelfth, classes apart");
        TextModel inTurn = TextModel.train(rows, "a twelfth, classes in turn", TextModel.classesInTurn(TextModel.DEFAULT_COST));
        assertTrue(apart.causes().size() > 2, "several causes, so LibLinear fits one against the rest");
        assertEquals(inTurn.causes(), apart.causes());

        List<Corpus.Row> heldOut = Corpus.rows(Corpus.Split.HELD_OUT);
        assertFalse(heldOut.isEmpty());
        int verdictsChanged = 0;
        double largest = 0;
        for (Corpus.Row row : heldOut) {
            Map<String, Double> features = TextFeatures.of(row.input(), rules.ruleStrength(row.input()));
            Map<String, Double> expected = inTurn.probabilities(features);
            Map<String, Double> actual = apart.probabilities(features);
            if (!expected.keySet().iterator().next().equals(actual.keySet().iterator().next())) {
                verdictsChanged++;
            }
            for (Map.Entry<String, Double> e : expected.entrySet()) {
                largest = Math.max(largest, Math.abs(e.getValue() - actual.get(e.getKey())));
            }
        }
        System.out.printf("classes side by side against LibLinear's own loop, %d held-out rows: %d verdicts changed, "
                + "largest difference in a probability %.3f%n", heldOut.size(), verdictsChanged, largest);
        assertTrue(verdictsChanged <= heldOut.size() / 100, verdictsChanged + " verdicts changed");
        assertTrue(largest < 0.15, "largest difference in a probability: " + largest);
    }
}
