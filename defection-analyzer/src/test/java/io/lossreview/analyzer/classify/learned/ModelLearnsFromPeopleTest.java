package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.ClassificationInput;
import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.classify.LabelledExample;
import io.lossreview.analyzer.support.CompanyWords;
import io.lossreview.analyzer.support.CompanyWords.Case;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cause people decide for a phrasing the model got wrong teaches the next model: a different but similar phrasing
 * is then classified right too. The classifiers here have no labelled-example index (which only knows
 * near-identical texts), so the change can only come from the retrained model. Which of the candidates the model
 * gets wrong depends on the corpus, so the test takes those it gets wrong, and there must be some.
 */
class ModelLearnsFromPeopleTest {

    @Test
    void aLabelGeneralisesToASimilarPhrasing() {
        List<Corpus.Row> corpus = Corpus.rows(Corpus.Split.TRAIN);
        Classifier before = new Classifier(Taxonomy.defaults(), List.of(), CorpusModel.trained(), "corpus only");
        List<Case> wrong = new ArrayList<>();
        for (Case c : CompanyWords.CASES) {
            if (!c.cause().equals(before.classify(input(c.labelled())).primaryCause())
                    && !c.cause().equals(before.classify(input(c.similar())).primaryCause())) {
                wrong.add(c);
            }
        }
        assertFalse(wrong.isEmpty(), "the model gets none of the phrasings wrong: this test needs new ones");

        Classifier after = classifier(corpus, wrong.stream().map(c -> new LabelledExample(c.labelled(), c.cause())).toList());
        List<String> taught = new ArrayList<>();
        List<String> notTaught = new ArrayList<>();
        for (Case c : wrong) {
            String now = after.classify(input(c.similar())).primaryCause();
            (c.cause().equals(now) ? taught : notTaught).add("\"" + c.similar() + "\" → " + now);
        }
        System.out.printf("taught by one label each: %s; not: %s%n", taught, notTaught);
        assertTrue(taught.size() * 2 > wrong.size(), "one label teaches most similar phrasings: taught " + taught
                + ", not " + notTaught);
    }

    private static Classifier classifier(List<Corpus.Row> corpus, List<LabelledExample> labels) {
        return new Classifier(Taxonomy.defaults(), List.of(),
                ModelTraining.train(corpus, labels, Taxonomy.defaults(), TextModel.DEFAULT_COST, "test"), "test");
    }

    private static ClassificationInput input(String text) {
        return new ClassificationInput(null, text, null, null, null, true);
    }
}
