package io.lossreview.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one consumer thread is doing, as metrics ({@code /q/metrics}) and for the health check:
 * records by outcome, failed batches, and when it last made progress (committed a batch, or
 * found nothing to read). The lag is measured from outside the thread ({@link ConsumerLag}).
 */
public final class ConsumerState {

    private final String consumer;
    private final String thread;
    private final List<String> topics;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Counter failedBatches;
    private volatile Instant lastProgress;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile boolean stopped;

    ConsumerState(String consumer, String thread, List<String> topics, MeterRegistry registry, Clock clock) {
        this.consumer = consumer;
        this.thread = thread;
        this.topics = List.copyOf(topics);
        this.registry = registry;
        this.clock = clock;
        this.lastProgress = clock.instant();
        this.failedBatches = registry.counter("loss.consumer.batches.failed", "consumer", consumer);
        Gauge.builder("loss.consumer.last.progress.age", this, s -> s.sinceProgress().toMillis() / 1000.0)
                .tags(Tags.of("consumer", consumer, "thread", thread)).baseUnit("seconds")
                .description("Seconds since this consumer thread last committed a batch or was caught up")
                .register(registry);
    }

    public String consumer() {
        return consumer;
    }

    public String thread() {
        return thread;
    }

    /** The physical topics this thread reads. */
    public List<String> topics() {
        return topics;
    }

    void count(String outcome, long n) {
        if (n > 0) {
            records.computeIfAbsent(outcome, o -> registry.counter("loss.consumer.records", "consumer", consumer,
                    "outcome", o)).increment(n);
        }
    }

    void progressed() {
        lastProgress = clock.instant();
        consecutiveFailures = 0;
        lastFailure = null;
    }

    void failed(Throwable failure) {
        failedBatches.increment();
        consecutiveFailures++;
        lastFailure = String.valueOf(failure);
    }

    void stopped() {
        stopped = true;
    }

    /** A poll found nothing: this thread is caught up, nothing waits on it. */
    void idle() {
        lastProgress = clock.instant();
    }

    public Duration sinceProgress() {
        return Duration.between(lastProgress, clock.instant());
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    public String lastFailure() {
        return lastFailure;
    }

    public boolean isStopped() {
        return stopped;
    }
}
