package io.lossreview.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts a thread per {@link EventConsumer#instances()} for every consumer the service declares,
 * and stops them on shutdown. The group id carries the topic prefix, so two environments sharing
 * a cluster never join each other's groups.
 */
@ApplicationScoped
public class Consumers {

    private final Instance<EventConsumer<?>> declared;
    private final Map<String, Object> kafkaConfig;
    private final TopicNames topics;
    private final BatchTransaction transaction;
    private final DeadLetters deadLetters;
    private final Failures failures;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String groupId;
    private final int maxPollRecords;
    private final List<ConsumerLoop<?>> started = new ArrayList<>();

    public Consumers(Instance<EventConsumer<?>> declared, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     TopicNames topics, BatchTransaction transaction, DeadLetters deadLetters, Failures failures,
                     MeterRegistry registry, Clock clock,
                     ConsumerSettings settings, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.declared = declared;
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.transaction = transaction;
        this.deadLetters = deadLetters;
        this.failures = failures;
        this.registry = registry;
        this.clock = clock;
        this.groupId = topics.physical(settings.groupId().orElse(application));
        this.maxPollRecords = settings.maxPollRecords();
    }

    synchronized void startAll(@Observes StartupEvent start) {
        Set<String> names = new HashSet<>();
        Set<String> claimedTopics = new HashSet<>();
        for (EventConsumer<?> c : declared) {
            if (!names.add(c.name())) {
                throw new IllegalStateException("Two consumers are named " + c.name());
            }
            for (String t : c.topics()) {
                // One inbox per service: two consumers of one topic would take each other's events for duplicates.
                if (!claimedTopics.add(t)) {
                    throw new IllegalStateException("Topic " + t + " is consumed twice in this service");
                }
            }
            for (int i = 1; i <= c.instances(); i++) {
                start(c, c.name() + "-" + i);
            }
        }
    }

    private <E> void start(EventConsumer<E> consumer, String thread) {
        ConsumerState state = new ConsumerState(consumer.name(), thread,
                consumer.topics().stream().map(topics::physical).toList(), registry, clock);
        ConsumerLoop<E> loop = new ConsumerLoop<>(consumer, kafkaConsumer(thread), topics, transaction, deadLetters,
                failures, state);
        loop.start();
        started.add(loop);
    }

    private KafkaConsumer<byte[], byte[]> kafkaConsumer(String clientId) {
        Map<String, Object> config = KafkaConnection.settings(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // Range: partition n of every subscribed topic goes to the same consumer, so co-partitioned
        // topics (same key, same partition count) bring a key's events to one consumer.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        // A batch may wait for a database restart: give it time before the group evicts us.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The consumer group of every thread of this service (prefixed like the topics). */
    public String groupId() {
        return groupId;
    }

    /** Every consumer thread's state, for the health check. */
    public synchronized List<ConsumerState> states() {
        return started.stream().<ConsumerState>map(ConsumerLoop::state).toList();
    }

    synchronized void stopAll(@Observes ShutdownEvent shutdown) {
        started.forEach(ConsumerLoop::stop);
        started.clear();
    }
}
