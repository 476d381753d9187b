package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.ClassificationInput;
import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.classify.LabelledExample;
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

    /** A phrasing to label, a different but similar one, and the cause. */
    private record Case(String labelled, String similar, String cause) {
    }

    /**
     * Each company has words of its own: here made-up names of a desk, a rival, a dashboard, a budget line, as an
     * account team would use them. No corpus can know them; one person's label must teach them.
     */
    private static final List<Case> CASES = List.of(
            new Case("the kestrel desk left us hanging for weeks", "kestrel desk left them hanging", "SUPPORT"),
            new Case("they went over to quorvex in the spring", "went over to quorvex this spring", "COMPETITOR"),
            new Case("the brambleline kept dropping the overnight runs", "brambleline dropping overnight runs again",
                    "PRODUCT_QUALITY"),
            new Case("zentho line got struck off by the board", "zentho line struck off", "PRICE"),
            new Case("still no plinkett module after two years", "no plinkett module yet", "MISSING_FEATURES"),
            new Case("the whole grindle office is being folded", "grindle office folded", "NO_LONGER_NEEDED"),
            new Case("nobody figured out the sprocket view", "sprocket view, nobody figured it out", "EASE_OF_USE"));

    @Test
    void aLabelGeneralisesToASimilarPhrasing() {
        List<Corpus.Row> corpus = Corpus.rows(Corpus.Split.TRAIN);
        Classifier before = classifier(corpus, List.of());
        List<Case> wrong = new ArrayList<>();
        for (Case c : CASES) {
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
