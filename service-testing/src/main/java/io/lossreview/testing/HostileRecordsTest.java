package io.lossreview.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every consumer must survive: hostile records ({@link HostileRecords}) published to each
 * topic it consumes, then a valid event. The valid event is applied within seconds, and every
 * hostile record is a dead letter exactly once, with a reason. A service's test extends this.
 */
public abstract class HostileRecordsTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    /** A valid event for a consumed topic: its record key, structured JSON and CloudEvent id. */
    public record ValidEvent(String key, String json, String id) {
    }

    /** Contract topic → the name of the consumer that reads it. */
    protected abstract Map<String, String> consumedTopics();

    /** A new valid event for the topic, which the consumer applies (claims in its inbox). */
    protected abstract ValidEvent validEvent(String topic);

    @Test
    void hostileRecordsAreDeadLetteredOnceAndTheNextValidEventIsApplied() throws Exception {
        for (Map.Entry<String, String> t : consumedTopics().entrySet()) {
            String topic = t.getKey();
            String consumer = t.getValue();
            ValidEvent before = validEvent(topic);
            List<HostileRecords.Hostile> hostile = HostileRecords.around(prefix + topic, before.key(), before.json());
            ValidEvent valid = validEvent(topic);
            List<RecordMetadata> sent = send(hostile, valid, prefix + topic);
            Awaitility.await("the valid event on " + topic + " behind " + hostile.size() + " hostile records")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> inboxHas(consumer, valid.id()));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(consumer, topic, sent.get(0)) > 0);
            for (int i = 0; i < hostile.size(); i++) {
                assertEquals(1, deadLetters(consumer, topic, sent.get(i)),
                        topic + ": " + hostile.get(i).what() + " must be one dead letter with a reason");
            }
        }
    }

    private List<RecordMetadata> send(List<HostileRecords.Hostile> hostile, ValidEvent valid, String physicalTopic)
            throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_040_000), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (HostileRecords.Hostile h : hostile) {
                acks.add(producer.send(h.record()));
            }
            ProducerRecord<byte[], byte[]> good = new ProducerRecord<>(physicalTopic,
                    valid.key().getBytes(StandardCharsets.UTF_8), valid.json().getBytes(StandardCharsets.UTF_8));
            good.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(good).get(30, TimeUnit.SECONDS);
            List<RecordMetadata> sent = new ArrayList<>();
            for (Future<RecordMetadata> ack : acks) {
                sent.add(ack.get(30, TimeUnit.SECONDS));
            }
            return sent;
        }
    }

    private boolean inboxHas(String consumer, String eventId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from inbox where consumer = ? and event_id = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 1;
            }
        }
    }

    /** Dead letters of that record with at least one violation. */
    private long deadLetters(String consumer, String topic, RecordMetadata at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from dead_letter where consumer = ? and channel = 'KAFKA' and topic = ?
                and kafka_partition = ? and kafka_offset = ? and jsonb_array_length(violations) > 0""")) {
            ps.setString(1, consumer);
            ps.setString(2, topic);
            ps.setInt(3, at.partition());
            ps.setLong(4, at.offset());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
