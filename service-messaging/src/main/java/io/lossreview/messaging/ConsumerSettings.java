package io.lossreview.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The consumer path's settings (loss.consumer.*), shared by every service that consumes. */
@ConfigMapping(prefix = "loss.consumer")
public interface ConsumerSettings {

    /** The consumer group's base name (default: the application's name); each consumer appends its own. */
    Optional<String> groupId();

    /** Records per poll, so per batch transaction at most. */
    @WithDefault("1000")
    int maxPollRecords();

    /** Readiness goes DOWN when a consumer with records waiting made no progress for this long. */
    @WithDefault("2m")
    Duration stallAfter();

    /** Readiness goes DOWN after this many transient failures in a row. */
    @WithDefault("5")
    int failuresDown();

    /** How often the lag gauge is refreshed (read by its @Scheduled expression). */
    @WithDefault("10s")
    Duration lagInterval();
}
