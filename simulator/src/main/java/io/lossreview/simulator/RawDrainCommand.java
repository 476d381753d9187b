package io.lossreview.simulator;

import io.lossreview.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code simulator raw-drain}: the benchmark's raw baseline. Drains the inbound topics the way the least a consumer
 * could do it: each record's topic, partition, offset and payload become one row of one table, one transaction
 * per poll, offsets committed after the database commit (at least once), the same consumer count, batch size and
 * fetch settings as churn-ingest. What churn-ingest reaches against this rate is what its own work costs.
 */
@Command(name = "raw-drain", mixinStandardHelpOptions = true,
        description = "Drain the inbound topics into one table, one row per record: the raw baseline of bench-ingest.sh.")
final class RawDrainCommand implements Callable<Integer> {

    private static final List<String> INBOUND = List.of(Topics.BILLING_SUBSCRIPTION_STARTED, Topics.BILLING_SUBSCRIPTION_CHANGED,
            Topics.BILLING_SUBSCRIPTION_CANCELLED, Topics.BILLING_SUBSCRIPTION_REACTIVATED, Topics.CRM_ACCOUNT_CHURNED);

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
    String bootstrap;
    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the topic names, as the simulator published them.")
    String prefix;
    @Option(names = "--jdbc-url", required = true, description = "PostgreSQL JDBC URL of an empty database, user and password in it.")
    String jdbcUrl;
    @Option(names = "--consumers", defaultValue = "2", description = "Consumer threads, one connection each (default ${DEFAULT-VALUE}).")
    int consumers;
    @Option(names = "--max-poll-records", defaultValue = "5000", description = "Records per poll and transaction (default ${DEFAULT-VALUE}).")
    int maxPollRecords;
    @Option(names = "--expect", required = true, description = "Records to drain; the command ends when all are stored.")
    long expect;
    @Option(names = "--warmup-percent", defaultValue = "20", description = "The sustained rate counts from the moment this share is stored (default ${DEFAULT-VALUE}).")
    int warmupPercent;
    @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after this long, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong firstStoredNanos = new AtomicLong();
    private final AtomicLong warmNanos = new AtomicLong();
    private final AtomicLong warmStored = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean stop;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("create table if not exists raw_event (topic text not null, kafka_partition int not null,"
                    + " kafka_offset bigint not null, payload bytea, primary key (topic, kafka_partition, kafka_offset))");
        }
        String group = "raw-drain-" + System.currentTimeMillis();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < consumers; i++) {
            Thread t = new Thread(() -> drain(group), "raw-drain-" + i);
            t.start();
            threads.add(t);
        }
        long deadline = start + timeout.toNanos();
        while (stored.get() < expect && failure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long end = System.nanoTime();
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (stored.get() < expect) {
            out.printf(Locale.ROOT, "FAILED: %d of %d records stored after %s%n", stored.get(), expect, timeout);
            return 1;
        }
        double whole = (end - firstStoredNanos.get()) / 1e9;
        double sustained = (end - warmNanos.get()) / 1e9;
        out.printf(Locale.ROOT, "RESULT: raw baseline drained %d records in %.1fs = %d records/s%n", stored.get(), whole,
                Math.round(stored.get() / whole));
        out.printf(Locale.ROOT, "RESULT: raw baseline sustained after warm-up: %d records in %.1fs = %d records/s%n",
                stored.get() - warmStored.get(), sustained, Math.round((stored.get() - warmStored.get()) / sustained));
        return 0;
    }

    private void drain(String group) {
        String sql = "insert into raw_event (topic, kafka_partition, kafka_offset, payload) values (?, ?, ?, ?) on conflict do nothing";
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config(group), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.setAutoCommit(false);
            kafka.subscribe(INBOUND.stream().map(t -> prefix + t).toList());
            while (!stop) {
                ConsumerRecords<byte[], byte[]> records = kafka.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                try (PreparedStatement insert = db.prepareStatement(sql)) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        insert.setString(1, r.topic());
                        insert.setInt(2, r.partition());
                        insert.setLong(3, r.offset());
                        insert.setBytes(4, r.value());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                db.commit();
                kafka.commitSync(); // only after the database commit: at least once
                counted(records.count());
            }
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private void counted(int n) {
        long now = System.nanoTime();
        firstStoredNanos.compareAndSet(0, now);
        long total = stored.addAndGet(n);
        if (total * 100 >= expect * warmupPercent && warmNanos.compareAndSet(0, now)) {
            warmStored.set(total);
        }
    }

    private Map<String, Object> config(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536); // churn-ingest's fetch settings
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        return config;
    }
}
