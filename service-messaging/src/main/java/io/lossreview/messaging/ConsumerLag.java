package io.lossreview.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The service's consumer lag per partition: the end offset minus the group's committed offset,
 * read by an admin client from outside the consumer threads, so a thread stuck on a batch still
 * shows the backlog growing behind it (its in-flight batch included: offsets are committed after).
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final Admin admin;
    private final Consumers consumers;
    private final MeterRegistry registry;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Consumers consumers,
                       MeterRegistry registry) {
        this.consumers = consumers;
        this.registry = registry;
        Map<String, Object> config = KafkaConnection.settings(kafkaConfig);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(config);
    }

    @Scheduled(every = "${loss.consumer.lag-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        if (consumers.states().isEmpty()) {
            return;
        }
        try {
            Set<String> topics = new HashSet<>();
            consumers.states().forEach(s -> topics.addAll(s.topics()));
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(consumers.groupId())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            for (TopicPartition p : partitions) {
                // Never committed: the group starts at the earliest offset (auto.offset.reset=earliest).
                OffsetAndMetadata c = committed.get(p);
                Long from = c != null ? Long.valueOf(c.offset()) : starts.get(p);
                Long end = ends.get(p);
                if (from != null && end != null) {
                    gauge(p);
                    lag.put(p, Math.max(0, end - from));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("Consumer lag not measured this time: %s", e.toString()); // the Kafka readiness check says why
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> found = new HashMap<>();
        admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((p, info) -> found.put(p, info.offset()));
        return found;
    }

    /** Records waiting on these physical topics, as last measured. */
    public long total(Collection<String> topics) {
        return lag.entrySet().stream().filter(e -> topics.contains(e.getKey().topic())).mapToLong(Map.Entry::getValue).sum();
    }

    private void gauge(TopicPartition p) {
        if (!lag.containsKey(p)) {
            Gauge.builder("loss.consumer.lag", lag, m -> m.getOrDefault(p, 0L))
                    .tags(Tags.of("group", consumers.groupId(), "topic", p.topic(), "partition", String.valueOf(p.partition())))
                    .description("Records on the partition after the consumer group's committed offset")
                    .register(registry);
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
