package io.lossreview.analyzer.classify.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.ClassificationInput;
import io.lossreview.analyzer.classify.Classifier;
import io.lossreview.analyzer.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the model learns from: a coded row also without its codes, except where the code may be the only hint. */
class ModelTrainingRowsTest {

    private static final Classifier RULES = new Classifier(Taxonomy.defaults(), List.of());

    private static Corpus.Row row(String voice, String billingCode, String crmCode) {
        return new Corpus.Row("t-1", "en", voice, "PRICE", null,
                new ClassificationInput(billingCode, null, crmCode, "the renewal figure made our CFO laugh", null, true));
    }

    @Test
    void aCodedRowIsLearnedAgainWithoutItsCodes() {
        List<TextModel.Labelled> rows = ModelTraining.labelled(List.of(row("crm-note", "too_complex", "PRICE")), List.of(), RULES);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).features().containsKey("billing=too_complex"));
        assertTrue(rows.get(0).features().containsKey("crm=price"));
        assertTrue(rows.get(1).features().keySet().stream().noneMatch(f -> f.startsWith("billing=") || f.startsWith("crm=")),
                "the copy has no codes: " + rows.get(1).features().keySet());
        assertTrue(rows.get(1).features().containsKey("w=renewal"), "the copy keeps the text");
        assertEquals("PRICE", rows.get(1).cause());
    }

    @Test
    void rowsWithoutCodesAndNoReasonRowsAreLearnedOnce() {
        assertEquals(1, ModelTraining.labelled(List.of(row("cancel-flow", null, " ")), List.of(), RULES).size());
        assertEquals(1, ModelTraining.labelled(List.of(row(ModelTraining.NO_REASON_VOICE, "too_expensive", null)),
                List.of(), RULES).size());
    }
}
