package io.lossreview.analyzer.defection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.defection.AnalyzedDefection.Decision;
import io.lossreview.contracts.analysis.view.CauseSource;
import io.lossreview.contracts.analysis.view.Evidence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a cause decision is a new one (a cause history row) and when it is the same one again. */
class DecisionTest {

    private static Decision classified(String cause, String secondary, double confidence, int version) {
        return new Decision(cause, secondary, confidence, CauseSource.CLASSIFIER, version,
                List.of(new Evidence(Evidence.TEXT, cause + " words")), confidence < 0.6, null, null);
    }

    @Test
    void theSameClassificationAgainIsTheSameDecisionWhateverItsEvidenceAndTime() {
        Decision first = classified("PRICE", "SUPPORT", 0.8123456, 1);
        Decision stored = new Decision("PRICE", "SUPPORT", 0.812, CauseSource.CLASSIFIER, 1, List.of(), false, null, null);
        assertTrue(first.sameAs(stored), "as numeric(4,3) keeps it");
        assertTrue(stored.sameAs(classified("PRICE", "SUPPORT", 0.8125, 1)));
        assertTrue(first.sameAs(new Decision("PRICE", "SUPPORT", 0.8123456, CauseSource.CLASSIFIER, 1,
                List.of(new Evidence(Evidence.REASON_CODE, "other evidence")), true, null, Instant.now())));
    }

    @Test
    void anyPartOfTheDecisionChangingIsANewDecision() {
        Decision d = classified("PRICE", "SUPPORT", 0.8, 1);
        assertFalse(d.sameAs(null));
        assertFalse(d.sameAs(classified("SUPPORT", "SUPPORT", 0.8, 1)));
        assertFalse(d.sameAs(classified("PRICE", null, 0.8, 1)));
        assertFalse(d.sameAs(classified("PRICE", "SUPPORT", 0.799, 1)));
        assertFalse(d.sameAs(classified("PRICE", "SUPPORT", 0.8, 2)));
        Instant now = Instant.now();
        Decision anna = Decision.byPerson("PRICE", CauseSource.MANUAL, 1, "ops.anna", now, null);
        assertFalse(anna.sameAs(Decision.byPerson("PRICE", CauseSource.CALL, 1, "ops.anna", now, null)));
        assertFalse(anna.sameAs(Decision.byPerson("PRICE", CauseSource.MANUAL, 1, "ops.ben", now, null)));
        assertTrue(anna.sameAs(Decision.byPerson("PRICE", CauseSource.MANUAL, 1, "ops.anna", now.plusSeconds(60), "again")));
    }
}
