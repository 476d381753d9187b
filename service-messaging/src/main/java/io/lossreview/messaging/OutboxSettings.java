package io.lossreview.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The transactional outbox's settings (loss.outbox.*), shared by every service that publishes. */
@ConfigMapping(prefix = "loss.outbox")
public interface OutboxSettings {

    /** Rows the relay publishes per round. */
    @WithDefault("2000")
    int batchSize();

    /** Keep published rows (marked sent) instead of deleting them: for benchmarks that read them back. */
    @WithDefault("false")
    boolean keepSent();

    /** The producer's compression (the topics' consumers need the codec). */
    @WithDefault("lz4")
    String compression();

    /** Readiness goes DOWN when the oldest unpublished row is older than this. */
    @WithDefault("5m")
    Duration maxAge();

    /** How often the relay looks for rows (read by its @Scheduled expression). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often the backlog metric and health are refreshed (read by its @Scheduled expression). */
    @WithDefault("10s")
    Duration monitorInterval();
}
