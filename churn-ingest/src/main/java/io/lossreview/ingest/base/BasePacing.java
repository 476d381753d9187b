package io.lossreview.ingest.base;

import java.time.Duration;
import java.time.Instant;

/**
 * When the month bases are worth measuring again. A measurement reads the whole ledger, so during a bulk load (years
 * of history, a replay after an outage) measuring at every tick re-read a million rows every few seconds and took a
 * quarter of churn-ingest's CPU, for figures the next batch made stale anyway. So:
 * <ul>
 *   <li>while the ledger is still being written (it grew since the previous tick), wait for it to settle, but never
 *       longer than {@code maxStaleness} since the last measurement;</li>
 *   <li>whatever happens, measuring takes at most a tenth of the time: after one that took d, the next waits 9 d.</li>
 * </ul>
 * A quiet ledger (normal churn: a few events a minute) is measured at the next tick, as before. Not thread-safe: the
 * scheduler runs one tick at a time.
 */
final class BasePacing {

    /** Measuring may take this share of the time at most. */
    static final int DUTY_CYCLE_PERCENT = 10;

    private final Duration maxStaleness;
    private long previousTickSeq = -1;
    private Instant lastMeasured = Instant.MIN;
    private Instant notBefore = Instant.MIN;

    BasePacing(Duration maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    /** @param newestSeq the ledger's newest write now; the answer remembers it for the next tick */
    boolean due(Instant now, long newestSeq) {
        boolean growing = previousTickSeq >= 0 && newestSeq != previousTickSeq;
        previousTickSeq = newestSeq;
        if (now.isBefore(notBefore)) {
            return false;
        }
        boolean stale = lastMeasured == Instant.MIN || !now.isBefore(lastMeasured.plus(maxStaleness));
        return !growing || stale;
    }

    /** A measurement ran from {@code started} to {@code ended}. */
    void measured(Instant started, Instant ended) {
        lastMeasured = ended;
        Duration took = Duration.between(started, ended);
        notBefore = ended.plus(took.multipliedBy(100 / DUTY_CYCLE_PERCENT - 1));
    }
}
