package io.lossreview.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What names a service's events and topics (loss.topic-prefix, loss.event-source, loss.kafka.*). */
@ConfigMapping(prefix = "loss")
public interface MessagingSettings {

    /** Prefix of every topic and consumer group: several environments on one cluster, or a test run's own topics. */
    Optional<String> topicPrefix();

    /** The CloudEvents source of the events this service publishes, e.g. /loss-review/churn-ingest. */
    String eventSource();

    Kafka kafka();

    /** The broker as the services see it (loss.kafka.*). */
    interface Kafka {

        /** How long the readiness check waits for the broker to answer. */
        @WithDefault("3s")
        Duration readinessTimeout();
    }
}
