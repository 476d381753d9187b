package io.lossreview.simulator;

import io.lossreview.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a stream to Kafka in its publish order, keyed by customer id, as idempotent acks=all batches. Order is kept
 * per partition, hence per customer. Fails (nothing silently lost) if any record is not acknowledged.
 */
public final class Publisher {

    /**
     * Called as acknowledgements arrive: about every 10% (or 100k records) and once at the end. Runs on the Kafka
     * producer's I/O thread, so it must be quick.
     */
    @FunctionalInterface
    public interface Progress {
        void update(long acknowledged, long total);
    }

    private static final long METADATA_TIMEOUT_MS = 15_000;
    private static final Set<String> INBOUND = Set.of(Topics.BILLING_SUBSCRIPTION_CANCELLED,
            Topics.BILLING_SUBSCRIPTION_REACTIVATED, Topics.CRM_ACCOUNT_CHURNED);

    private Publisher() {
    }

    /** Publishes to {@code topicPrefix + event.topic()} and returns the rate achieved, in records per second. */
    public static double publish(SimulatedStream stream, String bootstrapServers, String topicPrefix, Progress progress) {
        return publish(stream, bootstrapServers, topicPrefix, progress, Map.of());
    }

    /** As above; {@code producerOverrides} replace or add producer settings (e.g. "compression.type"). */
    public static double publish(SimulatedStream stream, String bootstrapServers, String topicPrefix, Progress progress,
                                 Map<String, Object> producerOverrides) {
        return publish(stream, bootstrapServers, topicPrefix, progress, producerOverrides, 0);
    }

    /**
     * As above, at most {@code eventsPerSecond} (0: as fast as the broker takes them), so that a
     * stream can span a while, e.g. while deploy/local/chaos.sh injects faults.
     */
    public static double publish(SimulatedStream stream, String bootstrapServers, String topicPrefix, Progress progress,
                                 Map<String, Object> producerOverrides, double eventsPerSecond) {
        if (eventsPerSecond > 0) {
            // A paced stream is meant to ride out broker restarts: wait for metadata and acks for minutes.
            Map<String, Object> patient = new HashMap<>(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000));
            patient.putAll(producerOverrides);
            producerOverrides = patient;
        }
        String prefix = topicPrefix == null ? "" : topicPrefix;
        Progress report = progress == null ? (a, t) -> { } : progress;
        requireTopics(stream, bootstrapServers, prefix);
        long total = stream.events().size();
        long step = Math.max(1, Math.min(100_000, (total + 9) / 10));
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers, producerOverrides))) {
            long sent = 0;
            for (SimEvent e : stream.events()) {
                if (failure.get() != null) {
                    break;
                }
                if (eventsPerSecond > 0) {
                    pace(start, sent++, eventsPerSecond);
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(prefix + e.topic(), null, e.key(),
                        e.value().getBytes(StandardCharsets.UTF_8));
                e.headers().forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                        return;
                    }
                    long n = acked.incrementAndGet();
                    if (n % step == 0 && n < total) {
                        report.update(n, total);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing to " + bootstrapServers + " failed after " + acked.get()
                    + " of " + total + " records: " + failure.get().getMessage(), failure.get());
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        report.update(acked.get(), total);
        return acked.get() / seconds;
    }

    /** Waits only when ahead by 2 ms or more: a sleep per event cost a fifth of a core at 5,000 events/s. */
    private static void pace(long start, long sent, double eventsPerSecond) {
        long due = start + (long) (sent / eventsPerSecond * 1e9);
        long wait = due - System.nanoTime();
        if (wait >= 2_000_000) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Map<String, Object> producerConfig(String bootstrapServers, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true); // retries never duplicate or reorder
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, METADATA_TIMEOUT_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "loss-review-simulator");
        config.putAll(overrides);
        return config;
    }

    /** lz4 when its library is on the class path (cheap on CPU), else zstd, else none. */
    static String compression() {
        if (present("net.jpountz.lz4.LZ4Factory")) {
            return "lz4";
        }
        return present("com.github.luben.zstd.Zstd") ? "zstd" : "none";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Publisher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Auto-creation is off on our brokers, and a missing topic would only show as a 15 s send timeout: say so up front. */
    private static void requireTopics(SimulatedStream stream, String bootstrapServers, String prefix) {
        Set<String> needed = new TreeSet<>();
        stream.events().forEach(e -> needed.add(prefix + e.topic()));
        if (needed.isEmpty()) {
            return;
        }
        Set<String> existing = listTopics(bootstrapServers);
        needed.removeAll(existing);
        if (!needed.isEmpty()) {
            throw new IllegalStateException("topic(s) " + String.join(", ", needed) + " do not exist on " + bootstrapServers
                    + "; create them first");
        }
    }

    /**
     * Creates the missing inbound topics ({@code topicPrefix} + billing and CRM topic names) with the partition count
     * of {@code topics.csv}; returns the names it created.
     */
    public static Set<String> createTopics(String bootstrapServers, String topicPrefix) {
        String prefix = topicPrefix == null ? "" : topicPrefix;
        Set<String> existing = listTopics(bootstrapServers);
        List<NewTopic> missing = Topics.all().stream()
                .filter(t -> INBOUND.contains(t.name()) && !existing.contains(prefix + t.name()))
                .map(t -> new NewTopic(prefix + t.name(), t.partitions(), (short) 1))
                .toList();
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            admin.createTopics(missing).all().get(METADATA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
        Set<String> created = new TreeSet<>();
        missing.forEach(t -> created.add(t.name()));
        return created;
    }

    static Set<String> listTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            return admin.listTopics().names().get(METADATA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " within "
                    + METADATA_TIMEOUT_MS / 1000 + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics on " + bootstrapServers + ": " + rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT_MS);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
