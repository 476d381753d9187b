package io.lossreview.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the service's {@link BatchConsumer}s on its (prefixed) topics and stops them on shutdown. */
@ApplicationScoped
public class BatchConsumers {

    private final Map<String, Object> kafkaConfig;
    private final TopicNames topics;
    private final String groupId;
    private final int maxPollRecords;
    private final List<BatchConsumer<?>> started = new ArrayList<>();

    public BatchConsumers(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicNames topics,
                          @ConfigProperty(name = "loss.consumer.group-id", defaultValue = "${quarkus.application.name}") String groupId,
                          @ConfigProperty(name = "loss.consumer.max-poll-records", defaultValue = "1000") int maxPollRecords) {
        this.kafkaConfig = kafkaConfig;
        this.topics = topics;
        this.groupId = groupId;
        this.maxPollRecords = maxPollRecords;
    }

    /** Consumes these contract topics (the prefix is added here) in batches on a thread of its own. */
    public synchronized <V> void start(String name, Collection<String> contractTopics, Deserializer<V> values,
                                       Consumer<ConsumerRecords<String, V>> handler) {
        BatchConsumer<V> consumer = new BatchConsumer<>(name, kafkaConfig, groupId, maxPollRecords,
                contractTopics.stream().map(topics::physical).toList(), values, handler);
        consumer.start();
        started.add(consumer);
    }

    synchronized void stopAll(@Observes ShutdownEvent shutdown) {
        started.forEach(BatchConsumer::stop);
        started.clear();
    }
}
