package io.lossreview.ingest.base;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BasePacingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aQuietLedgerIsMeasuredAtEveryTick() {
        BasePacing pacing = new BasePacing(Duration.ofSeconds(60));
        assertTrue(pacing.due(at(0), 5), "the first tick measures");
        pacing.measured(at(0), at(0).plusMillis(100));
        assertTrue(pacing.due(at(10), 5), "nothing written since: measure (the announcer finds out if anything changed)");
        pacing.measured(at(10), at(10).plusMillis(100));
        assertTrue(pacing.due(at(20), 5));
    }

    @Test
    void aGrowingLedgerWaitsToSettleButNotLongerThanTheStaleness() {
        BasePacing pacing = new BasePacing(Duration.ofSeconds(60));
        assertTrue(pacing.due(at(0), 100));
        pacing.measured(at(0), at(1));
        assertFalse(pacing.due(at(10), 200), "still being written");
        assertFalse(pacing.due(at(20), 300));
        assertFalse(pacing.due(at(50), 400));
        assertTrue(pacing.due(at(61), 500), "60 s since the last measurement: measured while still growing");
        pacing.measured(at(61), at(62));
        assertFalse(pacing.due(at(72), 600));
        assertTrue(pacing.due(at(82), 600), "settled: measured at the next tick");
    }

    @Test
    void measuringTakesATenthOfTheTimeAtMost() {
        BasePacing pacing = new BasePacing(Duration.ofSeconds(60));
        assertTrue(pacing.due(at(0), 1));
        pacing.measured(at(0), at(5)); // took 5 s: the next waits 45 s after it ended
        assertFalse(pacing.due(at(10), 1), "quiet, but the last measurement was slow");
        assertFalse(pacing.due(at(49), 1));
        assertTrue(pacing.due(at(50), 1));
    }
}
