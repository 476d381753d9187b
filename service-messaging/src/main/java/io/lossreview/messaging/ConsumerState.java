package io.lossreview.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

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
    private final Timer recordAge;
    private final Timer chainLatency;
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
        this.recordAge = latency("loss.consumer.record.age",
                "From a record's publication to the commit of what it changed here", registry, consumer);
        this.chainLatency = latency("loss.chain.latency",
                "From the publication of the inbound event behind a record (its origin-time header) to the commit of what "
                        + "it changed here: the whole chain's latency", registry, consumer);
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

    /** A batch's effects committed now: how long after their publication, and after their origin's. */
    void committed(ConsumerRecords<byte[], byte[]> records) {
        long now = clock.millis();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.timestamp() >= 0) {
                recordAge.record(Math.max(0, now - r.timestamp()), TimeUnit.MILLISECONDS);
            }
            Header origin = r.headers().lastHeader(OutboxRelay.ORIGIN_TIME_HEADER);
            Long originAt = origin == null || origin.value() == null ? null : millis(origin.value());
            if (originAt != null) {
                chainLatency.record(Math.max(0, now - originAt), TimeUnit.MILLISECONDS);
            }
        }
        progressed();
    }

    /** A header's epoch milliseconds; null when it is not a number (it came over the network). */
    private static Long millis(byte[] value) {
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Percentiles over the last minutes and a histogram (Prometheus buckets), to read a window's percentiles. */
    private static Timer latency(String name, String description, MeterRegistry registry, String consumer) {
        return Timer.builder(name).description(description).tags("consumer", consumer)
                .publishPercentiles(0.5, 0.95, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
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
