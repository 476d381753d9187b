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
                    .until(() -> ConsumerOutcomes.applied(dataSource, consumer, valid.id()));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ConsumerOutcomes.deadLetters(dataSource, consumer, topic, sent.get(0)) > 0);
            for (int i = 0; i < hostile.size(); i++) {
                assertEquals(1, ConsumerOutcomes.deadLetters(dataSource, consumer, topic, sent.get(i)),
                        topic + ": " + hostile.get(i).what() + " must be one dead letter with a reason");
            }
        }
    }

    /**
     * The fuzz suite: {@code loss.fuzz.records-per-topic} (1,700) random hostile records per consumed
     * topic ({@link FuzzRecords}, seed {@code loss.fuzz.seed}), then a valid event that must be applied.
     * Every fuzzed record is accounted for exactly once: a dead letter with a reason, or (a mutation
     * that left it valid) applied under its own id; never both, never neither, never twice.
     */
    @Test
    void fuzzedRecordsAreEachAccountedForExactlyOnceAndConsumptionGoesOn() throws Exception {
        int perTopic = Integer.getInteger("loss.fuzz.records-per-topic", 1_700);
        long seed = Long.getLong("loss.fuzz.seed", 20_261_205L);
        for (Map.Entry<String, String> t : consumedTopics().entrySet()) {
            String topic = t.getKey();
            String consumer = t.getValue();
            long topicSeed = seed * 31 + topic.hashCode();
            ValidEvent template = validEvent(topic);
            List<FuzzRecords.Fuzzed> fuzzed = FuzzRecords.generate(prefix + topic,
                    template.key().getBytes(StandardCharsets.UTF_8), template.json(), perTopic, topicSeed);
            ValidEvent sentinel = validEvent(topic);
            List<RecordMetadata> sent = send(fuzzed.stream().map(f -> new HostileRecords.Hostile(f.what(), f.record())).toList(),
                    sentinel, prefix + topic);
            Awaitility.await("the valid event on " + topic + " behind " + perTopic + " fuzzed records (seed " + topicSeed + ")")
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ConsumerOutcomes.applied(dataSource, consumer, sentinel.id()));
            Map<Long, Long> letters = deadLettersByOffset(consumer, topic, sent);
            java.util.Set<String> applied = appliedIds(consumer, "fuzz-" + topicSeed + "-%");
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < fuzzed.size(); i++) {
                long dead = letters.getOrDefault(sent.get(i).offset(), 0L);
                boolean ok = applied.contains(fuzzed.get(i).id()) ? dead == 0 : dead == 1;
                if (!ok) {
                    wrong.add(fuzzed.get(i).id() + " (" + fuzzed.get(i).what() + "): " + dead + " dead letters, applied "
                            + applied.contains(fuzzed.get(i).id()));
                }
            }
            assertEquals(List.of(), wrong.stream().limit(10).toList(), topic + ": records not accounted for exactly once, of "
                    + fuzzed.size() + " (seed " + topicSeed + ")");
        }
    }

    private Map<Long, Long> deadLettersByOffset(String consumer, String topic, List<RecordMetadata> sent) throws SQLException {
        Map<Long, Long> found = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select kafka_offset, count(*) from dead_letter where consumer = ? and channel = 'KAFKA' and topic = ?
                and kafka_partition = ? and kafka_offset between ? and ? and jsonb_array_length(violations) > 0
                group by kafka_offset""")) {
            ps.setString(1, consumer);
            ps.setString(2, topic);
            ps.setInt(3, sent.get(0).partition());
            ps.setLong(4, sent.get(0).offset());
            ps.setLong(5, sent.get(sent.size() - 1).offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return found;
    }

    private java.util.Set<String> appliedIds(String consumer, String like) throws SQLException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select event_id from inbox where consumer = ? and event_id like ?")) {
            ps.setString(1, consumer);
            ps.setString(2, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** After hostile and valid records went through, every metric the alerts and dashboard name is exposed. */
    @Test
    void theShippedAlertsAndDashboardNameOnlyMetricsThisServiceExposes() {
        Awaitility.await("every metric named in deploy/observability on /q/metrics").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    // Outcomes appear once counted: make sure some records were read and refused here.
                    if (ObservabilityFiles.missingFrom(metrics()).contains("loss_consumer_records_total")) {
                        hostileRecordsAreDeadLetteredOnceAndTheNextValidEventIsApplied();
                    }
                    ObservabilityFiles.assertAllExposed(metrics());
                });
    }

    private static String metrics() {
        return Management.given().get("/metrics").then().statusCode(200).extract().asString();
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
            // Same key as the hostile records: same partition, so it is read after all of them.
            ProducerRecord<byte[], byte[]> good = new ProducerRecord<>(physicalTopic,
                    hostile.get(0).record().key(), valid.json().getBytes(StandardCharsets.UTF_8));
            good.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(good).get(30, TimeUnit.SECONDS);
            List<RecordMetadata> sent = new ArrayList<>();
            for (Future<RecordMetadata> ack : acks) {
                sent.add(ack.get(30, TimeUnit.SECONDS));
            }
            return sent;
        }
    }


}
