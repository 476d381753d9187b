package io.lossreview.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes unsent outbox rows in commit order and marks them sent in the same transaction that
 * locked them. A crash after publishing but before the commit re-publishes the rows: consumers
 * dedupe on the CloudEvent id, so nothing is lost and nothing is doubled downstream. A PostgreSQL
 * advisory lock keeps one relay active across replicas, which preserves per-customer order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6c6f7373_6f757462L; // "lossoutb"
    /** When the inbound event behind a record was published, in epoch milliseconds (see {@link OutboxMessage}). */
    public static final String ORIGIN_TIME_HEADER = "lossreview-origin-time";
    private static final String SELECT = """
            select id, topic, event_key, event_id, payload, origin_at from outbox
            where sent_at is null order by id limit ?""";
    // Deleting a sent row costs PostgreSQL far less than updating it (the update writes a new row
    // version and index entries): churn-ingest drains about 20% more events a second. Tests that read
    // what a service published from its outbox keep the rows (loss.outbox.keep-sent).
    private static final String DELETE_SENT = "delete from outbox where id = any(?)";
    private static final String MARK_SENT = "update outbox set sent_at = now() where id = any(?)";

    private final AgroalDataSource dataSource;
    private final TopicNames topics;
    private final KafkaProducer<String, String> producer;
    private final int batchSize;
    private final String markSent;
    private final Counter published;
    private final Counter failures;

    public OutboxRelay(AgroalDataSource dataSource, TopicNames topics, MeterRegistry registry,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxSettings settings) {
        this.dataSource = dataSource;
        this.topics = topics;
        this.batchSize = settings.batchSize();
        this.markSent = settings.keepSent() ? MARK_SENT : DELETE_SENT;
        this.published = registry.counter("loss.outbox.published");
        this.failures = registry.counter("loss.outbox.publish.failures");
        this.producer = new KafkaProducer<>(producerConfig(kafkaConfig, settings.compression()), new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig, String compression) {
        Map<String, Object> config = KafkaConnection.settings(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Default lz4: CloudEvents JSON 3.5 times smaller on the broker (1,354 -> 390 bytes a defection event).
        // Uncompressed measured the same CPU per event in bench-ingest.sh, so broker space decides.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return config;
    }

    // Every 200 ms: the wait between a commit and its event's publication is a hop of the chain's latency
    // (loss.chain.latency); an idle round is one indexed read of an empty partial index.
    @Scheduled(every = "${loss.outbox.poll-interval:200ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            // The rows stay unsent and are retried on the next tick; log once per tick, not per row.
            failures.increment();
            LOG.warnf("Outbox relay could not publish, will retry: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch; returns how many rows were sent. */
    @Transactional
    public int publishBatch() {
        try (Connection c = dataSource.getConnection()) {
            if (!tryLock(c)) {
                return 0;
            }
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT)) {
                ps.setInt(1, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        ProducerRecord<String, String> record = new ProducerRecord<>(
                                topics.physical(rs.getString(2)), rs.getString(3), rs.getString(5));
                        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                        Timestamp originAt = rs.getTimestamp(6);
                        if (originAt != null) {
                            record.headers().add(ORIGIN_TIME_HEADER,
                                    Long.toString(originAt.getTime()).getBytes(StandardCharsets.US_ASCII));
                        }
                        acks.add(producer.send(record));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            producer.flush();
            awaitAll(acks);
            try (PreparedStatement ps = c.prepareStatement(markSent)) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.executeUpdate();
            }
            published.increment(ids.size());
            LOG.debugf("Outbox relay published %d events", ids.size());
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox relay database error", e);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
            }
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
