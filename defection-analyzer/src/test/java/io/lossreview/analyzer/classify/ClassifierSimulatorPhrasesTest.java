package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's own phrasings (its phrase files, typos and coarse CRM codes), classified as the analyzer will
 * see them in end-to-end runs. A held-out check: the taxonomy covers the simulator's vocabulary, but no test row
 * was written from it.
 */
class ClassifierSimulatorPhrasesTest {

    private static final int EPISODES = 1500;

    @Test
    void classifiesSimulatedEpisodesWell() {
        Classifier classifier = new Classifier(Taxonomy.defaults(), List.of());
        AccuracyReport report = new AccuracyReport("simulator episodes (" + EPISODES + " seeds)");
        AccuracyReport textOnly = new AccuracyReport("simulator episodes, texts only (codes and competitor removed)");
        for (SimulatedEpisodes.Episode e : SimulatedEpisodes.generate(1, EPISODES)) {
            ClassificationInput in = e.input();
            report.add(e.trueCause(), classifier.classify(in), describe(in));
            if (in.voluntary() && (in.billingComment() != null || in.statedReason() != null)) {
                ClassificationInput text = new ClassificationInput(null, in.billingComment(), null, in.statedReason(), null, true);
                textOnly.add(e.trueCause(), classifier.classify(text), describe(text));
            }
        }
        report.print(40);
        textOnly.print(40);
        assertTrue(report.accuracy() >= 0.85, "simulator accuracy " + report.accuracy() + " is below 0.85");
    }

    private static String describe(ClassificationInput in) {
        return "[" + in.billingReasonCode() + "|" + in.crmReasonCode() + "|" + in.voluntary() + "|" + in.competitor()
                + "] " + in.billingComment() + " || " + in.statedReason();
    }
}
