package io.lossreview.analyzer.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.learned.CorpusModel;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier as the analyzer runs it (rules and text model) on the two sets the rules were written against:
 * the 255 messy stated reasons and the simulator's phrasings. The model must not cost much of what the lexicon
 * already reads well (the floors are the measured figures less a margin).
 */
class ClassifierWithModelTest {

    private static Classifier classifier;

    @BeforeAll
    static void train() {
        classifier = new Classifier(Taxonomy.defaults(), List.of(), CorpusModel.trained(), "test model");
    }

    @Test
    void theStatedReasonsTheRulesWereTunedOn() throws Exception {
        AccuracyReport report = new AccuracyReport("stated-reasons.csv, rules and text model");
        for (ClassifierAccuracyTest.Row row : ClassifierAccuracyTest.rows()) {
            report.add(row.expected(), classifier.classify(row.input()), row.text());
        }
        report.print(20);
        assertTrue(report.accuracy() >= 0.90, "accuracy " + report.accuracy());
    }

    @Test
    void theSimulatorsPhrasings() {
        AccuracyReport report = new AccuracyReport("simulator episodes, rules and text model");
        for (SimulatedEpisodes.Episode e : SimulatedEpisodes.generate(1, 1500)) {
            report.add(e.trueCause(), classifier.classify(e.input()), String.valueOf(e.input()));
        }
        report.print(10);
        assertTrue(report.accuracy() >= 0.94, "accuracy " + report.accuracy());
    }
}
