package io.lossreview.analyzer.classify;

import io.lossreview.contracts.analysis.view.Evidence;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Texts a human already labelled beat everything but a payment failure. */
class ClassifierExamplesTest {

    private static final String LABELLED = "Spoke with the owner, they are consolidating all vendors after the restructuring";
    private static final Classifier CLASSIFIER = new Classifier(Taxonomy.defaults(), List.of(
            new LabelledExample(LABELLED, "OTHER"),
            new LabelledExample("too expensive", "SUPPORT"), // a reviewer knew better than the words
            new LabelledExample("the renewal went to the new holding company board", "NO_LONGER_NEEDED"),
            new LabelledExample("the renewal went to the new holding company board", "PRICE"), // relabelled
            new LabelledExample("anything at all", "NO_SUCH_CAUSE")));

    private static Classification text(String text) {
        return CLASSIFIER.classify(new ClassificationInput(null, null, null, text, null, true));
    }

    @Test
    void exactMatchAfterNormalisationTakesTheLabel() {
        Classification c = text("spoke with the OWNER - they're consolidating all vendors after the restructuring!");
        assertEquals("OTHER", c.primaryCause());
        assertTrue(c.confidence() >= 0.95, c.toString());
        assertEquals(Evidence.LABELLED_EXAMPLE, c.evidence().get(0).kind());
        assertTrue(c.evidence().get(0).detail().contains(LABELLED), c.evidence().toString());
    }

    @Test
    void labelBeatsTheTextAndACode() {
        Classification plain = ClassifierTest.text("too expensive");
        assertEquals("PRICE", plain.primaryCause());
        Classification labelled = CLASSIFIER.classify(new ClassificationInput("too_expensive", "Too expensive!", null, null, null, true));
        assertEquals("SUPPORT", labelled.primaryCause());
        assertEquals("PRICE", labelled.secondaryCause());
    }

    @Test
    void nearDuplicateTakesTheLabelWithLessConfidence() {
        Classification c = text("Spoke with the owner: they are now consolidating all vendors after the restructuring");
        assertEquals("OTHER", c.primaryCause(), c.toString());
        assertTrue(c.confidence() >= 0.85 && c.confidence() <= 0.9, c.toString());
        Classification different = text("Spoke with the owner, they are consolidating on Zendora");
        assertNotEquals(Evidence.LABELLED_EXAMPLE, different.evidence().get(0).kind(), different.toString());
    }

    @Test
    void theLaterLabelOfTheSameTextWins() {
        assertEquals("PRICE", text("The renewal went to the new holding company board.").primaryCause());
    }

    @Test
    void labelsOutsideTheTaxonomyAreIgnored() {
        assertEquals("OTHER", text("anything at all").primaryCause());
        assertEquals(0.2, text("anything at all").confidence());
    }

    @Test
    void involuntaryBeatsALabel() {
        Classification c = CLASSIFIER.classify(new ClassificationInput(null, null, null, LABELLED, null, false));
        assertEquals("INVOLUNTARY", c.primaryCause());
    }
}
