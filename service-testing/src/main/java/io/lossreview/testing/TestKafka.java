package io.lossreview.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own producer and reader on this run's topics (named by their contract names).
 * Build one from the running app's {@code loss.topic-prefix}.
 */
public class TestKafka {

    private final String prefix;

    public TestKafka(String prefix) {
        this.prefix = prefix;
    }

    public String topic(String contractTopic) {
        return prefix + contractTopic;
    }

    /** Sends and waits for the broker's acknowledgement; headers are name/value pairs. */
    public void send(String contractTopic, String key, String value, String... headers) {
        sendAll(contractTopic, List.<String[]>of(new String[] {key, value}), headers);
    }

    public void sendAll(String contractTopic, List<String[]> keyValues, String... headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (String[] kv : keyValues) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic(contractTopic), kv[0], kv[1]);
                for (int i = 0; i + 1 < headers.length; i += 2) {
                    record.headers().add(new RecordHeader(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
                }
                acks.add(producer.send(record));
            }
            for (var ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic(contractTopic), e);
        }
    }

    /**
     * Reads the topic from the beginning until {@code count} records match, or fails after the
     * timeout with what it saw. Each call uses a fresh consumer group.
     */
    public List<ConsumerRecord<String, String>> await(String contractTopic, int count,
                                                      Predicate<ConsumerRecord<String, String>> filter,
                                                      Duration timeout) {
        List<ConsumerRecord<String, String>> matched = new ArrayList<>();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic(contractTopic)));
            Instant deadline = Instant.now().plus(timeout);
            while (matched.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    if (filter.test(r)) {
                        matched.add(r);
                    }
                }
            }
        }
        if (matched.size() < count) {
            throw new AssertionError("Expected " + count + " matching records on " + topic(contractTopic)
                    + " within " + timeout + " but found " + matched.size() + " of " + seen + " read");
        }
        return matched;
    }

    public List<ConsumerRecord<String, String>> await(String contractTopic, int count, Duration timeout) {
        return await(contractTopic, count, r -> true, timeout);
    }
}
