package io.lossreview.simulator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the local broker (deploy/local/kafka.sh), on topics of its own that it deletes afterwards. */
class PublisherTest {

    private static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    private static final String PREFIX = "simtest-" + UUID.randomUUID().toString().substring(0, 8) + ".";

    @AfterAll
    static void deleteTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            Set<String> ours = admin.listTopics().names().get();
            ours.removeIf(t -> !t.startsWith(PREFIX));
            admin.deleteTopics(ours).all().get();
        }
    }

    @Test
    void publishesEveryRecordKeyedAndInCustomerOrder() {
        SimulatedStream stream = Simulation.generate(SimulationConfig.defaults(11, YearMonth.of(2025, 3), 1, 40));
        assertEquals(3, Publisher.createTopics(BOOTSTRAP, PREFIX).size());
        assertEquals(Set.of(), Publisher.createTopics(BOOTSTRAP, PREFIX), "idempotent");
        List<Long> progress = new CopyOnWriteArrayList<>();
        double rate = Publisher.publish(stream, BOOTSTRAP, PREFIX, (acked, total) -> progress.add(acked));
        assertTrue(rate > 0);
        assertEquals((long) stream.events().size(), progress.get(progress.size() - 1), "last report is the total");

        Map<String, List<String>> sent = byTopicAndKey(stream.events());
        List<SimEvent> received = consume(stream.events().size());
        assertEquals(stream.events().size(), received.size());
        assertEquals(sent, byTopicAndKey(received), "same records, same order per key");
        Map<String, SimEvent> byValue = new HashMap<>();
        received.forEach(e -> byValue.put(e.topic() + e.value(), e));
        for (SimEvent e : stream.events()) {
            assertEquals(e.headers(), byValue.get(e.topic() + e.value()).headers(), "headers arrive in order, as sent");
        }
    }

    @Test
    void missingTopicsAreReportedUpFront() {
        SimulatedStream stream = Simulation.generate(SimulationConfig.defaults(11, YearMonth.of(2025, 3), 1, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Publisher.publish(stream, BOOTSTRAP, "no-such-prefix-" + UUID.randomUUID() + ".", null));
        assertTrue(e.getMessage().contains("do not exist"), e.getMessage());
    }

    private static Map<String, List<String>> byTopicAndKey(List<SimEvent> events) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        events.forEach(e -> m.computeIfAbsent(e.topic() + " " + e.key(), k -> new ArrayList<>()).add(e.value()));
        return new HashMap<>(m);
    }

    private static List<SimEvent> consume(int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<SimEvent> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("billing.subscription-cancelled", "billing.subscription-reactivated", "crm.account-churned")) {
                consumer.partitionsFor(PREFIX + topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    received.add(new SimEvent(r.topic().substring(PREFIX.length()), r.key(), headers,
                            new String(r.value(), StandardCharsets.UTF_8), SimEvent.Kind.VALID));
                }
            }
        }
        return received;
    }
}
