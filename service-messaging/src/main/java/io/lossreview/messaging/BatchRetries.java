package io.lossreview.messaging;

import io.lossreview.messaging.ContractEventReader.Read;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Retries a batch after transient failures (a database restart, a deadlock victim). A batch that
 * keeps failing is split, so one event the code cannot process is dead-lettered and the rest go on.
 * If even the dead letter cannot be stored, the exception fails the channel with the offsets uncommitted.
 */
public final class BatchRetries {

    private static final Logger LOG = Logger.getLogger(BatchRetries.class);
    private static final int ATTEMPTS = 4;

    private BatchRetries() {
    }

    public static void run(String what, List<Read> batch, Consumer<List<Read>> apply, DeadLetterer deadLetter) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                apply.accept(batch);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s of %d events failed (attempt %d of %d): %s", what, batch.size(), attempt, ATTEMPTS,
                        e.getMessage());
                pause(attempt);
            }
        }
        for (Read one : batch) {
            try {
                apply.accept(List.of(one));
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: event at %s-%d@%d cannot be processed; dead-lettered", what, one.record().topic(),
                        one.record().partition(), one.record().offset());
                deadLetter.accept(one, e);
            }
        }
    }

    /** Stores one event that cannot be processed as a dead letter. */
    public interface DeadLetterer {
        void accept(Read read, RuntimeException failure);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
