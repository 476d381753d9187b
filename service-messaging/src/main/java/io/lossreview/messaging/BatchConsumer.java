package io.lossreview.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One consumer thread: poll a batch, hand it to the handler (which commits its database
 * transaction), and only then commit the batch's offsets. A batch the handler throws on is read
 * again from its first offsets after a pause, so nothing is skipped: at-least-once, and the
 * handlers dedupe on event id. Plain KafkaConsumer on purpose: the commit point is ours to see.
 */
public final class BatchConsumer<V> implements Runnable {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String name;
    private final Collection<String> topics;
    private final KafkaConsumer<String, V> consumer;
    private final Consumer<ConsumerRecords<String, V>> handler;
    private final Thread thread;
    private volatile boolean running = true;

    public BatchConsumer(String name, Map<String, Object> kafkaConfig, String groupId, int maxPollRecords,
                         Collection<String> topics, Deserializer<V> values, Consumer<ConsumerRecords<String, V>> handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
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
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        this.thread = new Thread(this, "consumer-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Stops after the batch in hand (its offsets are committed only if it completed). */
    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        int failures = 0;
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, V> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    handler.accept(records);
                    consumer.commitSync(nextOffsets(records));
                    failures = 0;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failures++;
                    LOG.errorf(e, "%s: batch of %d records failed (%d in a row); it will be read again",
                            name, records.count(), failures);
                    rewind(records);
                    pause(failures);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: consumer stopped", name);
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private static <V> Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, V> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            List<ConsumerRecord<String, V>> r = records.records(p);
            offsets.put(p, new OffsetAndMetadata(r.get(r.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, V> records) {
        for (TopicPartition p : records.partitions()) {
            consumer.seek(p, records.records(p).get(0).offset());
        }
    }

    private void pause(int failures) {
        try {
            Thread.sleep(Math.min(30_000L, 500L << Math.min(failures, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
