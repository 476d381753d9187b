package io.lossreview.analyzer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.contracts.analysis.EmergingCause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-sided Poisson test against hand-checked probabilities. */
class EmergingCausesTest {

    private final EmergingCauses detector = new EmergingCauses(0.05, 5);
    private final List<Map<String, Integer>> baseline = List.of(Map.of("SUPPORT", 2, "PRICE", 10),
            Map.of("SUPPORT", 3, "PRICE", 11), Map.of("SUPPORT", 2, "PRICE", 9), Map.of("SUPPORT", 3, "PRICE", 10));

    @Test
    void aCountFarAboveItsBaselineIsFlaggedAndExplained() {
        List<EmergingCause> flagged = detector.detect(Map.of("SUPPORT", 12, "PRICE", 11), baseline, null);
        assertEquals(1, flagged.size());
        EmergingCause support = flagged.get(0);
        assertEquals("SUPPORT", support.cause());
        assertEquals("2.5", support.baseline().toPlainString());
        // P(X >= 12 | 2.5) = 1.26e-5
        assertEquals(1.26e-5, support.pValue(), 0.01e-5);
        assertEquals("SUPPORT: 12 losses vs 2.5/month baseline (prior 4 months), p<0.001 (count test: no customer base known)", support.explanation());
    }

    @Test
    void aSmallRiseIsNotSignificantAndTinyCountsAreNeverFlagged() {
        // P(X >= 5 | 2.5) = 0.109: not significant
        assertTrue(detector.detect(Map.of("SUPPORT", 5), baseline, null).isEmpty());
        // 4 < the minimum count of 5, however unusual for a cause never seen before
        assertTrue(detector.detect(Map.of("COMPETITOR", 4), baseline, null).isEmpty());
        // PRICE at 15 vs 10/month: P(X >= 15 | 10) = 0.083
        assertTrue(detector.detect(Map.of("PRICE", 15), baseline, null).isEmpty());
        assertTrue(detector.detect(Map.of("SUPPORT", 50), List.of(), null).isEmpty(), "no history, no baseline");
    }

    @Test
    void aNewCauseIsTestedAgainstTheFloorRate() {
        // P(X >= 6 | 0.5) = 1.4e-5
        List<EmergingCause> flagged = detector.detect(Map.of("COMPETITOR", 6), baseline, null);
        assertEquals("COMPETITOR", flagged.get(0).cause());
        assertEquals("COMPETITOR: new, 6 losses vs none in the prior 4 months, p<0.001 (count test: no customer base known)", flagged.get(0).explanation());
    }

    @Test
    void moderateSignificanceShowsThePValue() {
        // P(X >= 8 | 3.5) = 0.0267
        List<EmergingCause> flagged = new EmergingCauses(0.05, 5).detect(Map.of("SUPPORT", 8),
                List.of(Map.of("SUPPORT", 3), Map.of("SUPPORT", 4)), null);
        assertEquals("SUPPORT: 8 losses vs 3.5/month baseline (prior 2 months), p=0.027 (count test: no customer base known)", flagged.get(0).explanation());
    }

    /** A growing base: every cause grows with it. Counts flag them all; rates flag none. */
    @Test
    void aBaseThatOnlyGrewFlagsNothingOnRatesThoughItsCountsRose() {
        List<Map<String, Integer>> steady = List.of(Map.of("SUPPORT", 10, "PRICE", 20), Map.of("SUPPORT", 10, "PRICE", 20),
                Map.of("SUPPORT", 10, "PRICE", 20));
        Map<String, Integer> doubled = Map.of("SUPPORT", 20, "PRICE", 40); // twice the customers, the same rates
        assertEquals(2, detector.detect(doubled, steady, null).size(), "the count test flags the growth");
        assertTrue(detector.detect(doubled, steady, new EmergingCauses.Exposure(2000, List.of(1000, 1000, 1000))).isEmpty());
    }

    /** A cause that rises against the same base is flagged on rates, and said so in rates. */
    @Test
    void aCauseRisingAgainstASteadyBaseIsFlaggedWithItsRates() {
        List<Map<String, Integer>> baseline = List.of(Map.of("SUPPORT", 2), Map.of("SUPPORT", 3), Map.of("SUPPORT", 2),
                Map.of("SUPPORT", 3));
        EmergingCauses.Exposure base = new EmergingCauses.Exposure(1200, List.of(1000, 1000, 1000, 1000));
        List<EmergingCause> flagged = detector.detect(Map.of("SUPPORT", 12), baseline, base);
        assertEquals(1, flagged.size());
        // baseline rate 10 / 4000 = 0.25%; expected 0.0025 x 1200 = 3.0; P(X >= 12 | 3.0) = 7.14e-5
        assertEquals("3.0", flagged.get(0).baseline().toPlainString());
        assertEquals(7.14e-5, flagged.get(0).pValue(), 0.01e-5);
        assertEquals("SUPPORT: 12 losses, 1.00% of customers, vs 0.25% baseline (prior 4 months), p<0.001",
                flagged.get(0).explanation());
    }
}
