package io.lossreview.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * How one consumer thread is doing, as metrics ({@code /q/metrics}) and for the health check:
 * records by outcome, failed batches, lag per partition, and when it last made progress.
 */
public final class ConsumerState {

    private final String consumer;
    private final String thread;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Counter failedBatches;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Boolean> lagGauges = new ConcurrentHashMap<>();
    private volatile Instant lastProgress;
    private volatile int consecutiveFailures;
    private volatile String lastFailure;
    private volatile boolean stopped;

    ConsumerState(String consumer, String thread, MeterRegistry registry, Clock clock) {
        this.consumer = consumer;
        this.thread = thread;
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

    /** After each poll: the lag of the partitions this thread holds (unknown ones are left as they were). */
    void lag(Collection<TopicPartition> assigned, Function<TopicPartition, OptionalLong> currentLag) {
        lag.keySet().retainAll(assigned);
        for (TopicPartition p : assigned) {
            currentLag.apply(p).ifPresent(l -> lag.put(p, l));
            lagGauges.computeIfAbsent(p, tp -> {
                Gauge.builder("loss.consumer.lag", lag, m -> m.getOrDefault(tp, 0L))
                        .tags(Tags.of("consumer", consumer, "thread", thread, "topic", tp.topic(),
                                "partition", String.valueOf(tp.partition())))
                        .description("Records on the partition not yet consumed by this thread")
                        .register(registry);
                return true;
            });
        }
        if (totalLag() == 0) {
            lastProgress = clock.instant(); // caught up: nothing is waiting on this thread
        }
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
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
