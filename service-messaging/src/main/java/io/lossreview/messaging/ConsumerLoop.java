package io.lossreview.messaging;

import io.lossreview.contracts.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer thread: poll a batch, decode it, apply it in one transaction, and only then commit
 * its offsets. A batch that fails because of its surroundings (database or broker down) is read
 * again after a pause, with nothing skipped. A batch that fails because of a record is split until
 * the record is alone; it is tried twice more, then stored as a dead letter by itself, and the rest
 * commits: no record can stall a partition. Plain KafkaConsumer on purpose: the commit point is ours.
 */
final class ConsumerLoop<E> implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int SINGLE_RECORD_ATTEMPTS = 3;

    private final EventConsumer<E> consumer;
    private final KafkaConsumer<byte[], byte[]> kafka;
    private final List<String> physicalTopics;
    private final TopicNames topics;
    private final BatchTransaction transaction;
    private final DeadLetters deadLetters;
    private final Failures failures;
    private final ConsumerState state;
    private final Thread thread;
    private volatile boolean running = true;

    ConsumerLoop(EventConsumer<E> consumer, KafkaConsumer<byte[], byte[]> kafka, TopicNames topics,
                 BatchTransaction transaction, DeadLetters deadLetters, Failures failures, ConsumerState state) {
        this.consumer = consumer;
        this.kafka = kafka;
        this.topics = topics;
        this.physicalTopics = consumer.topics().stream().map(topics::physical).toList();
        this.transaction = transaction;
        this.deadLetters = deadLetters;
        this.failures = failures;
        this.state = state;
        this.thread = new Thread(this, "consumer-" + state.thread());
        this.thread.setDaemon(true);
    }

    ConsumerState state() {
        return state;
    }

    void start() {
        thread.start();
    }

    /** Stops after the batch in hand (its offsets are committed only if it completed). */
    void stop() {
        running = false;
        kafka.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            kafka.subscribe(physicalTopics);
            while (running) {
                ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                if (records.isEmpty()) {
                    state.idle();
                } else {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (Throwable e) {
            LOG.errorf(e, "%s: consumer thread stopped", state.thread());
        } finally {
            state.stopped();
            kafka.close(Duration.ofSeconds(10));
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        state.count("read", records.count());
        List<Decoded<E>> batch = decode(records);
        try {
            process(batch);
            kafka.commitSync(nextOffsets(records));
            state.committed(records);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            state.failed(e);
            LOG.errorf("%s: batch of %d records failed (%d in a row), will be read again: %s", state.thread(),
                    records.count(), state.consecutiveFailures(), e);
            rewind(records);
            pause(state.consecutiveFailures());
        }
    }

    private List<Decoded<E>> decode(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return (consumer.parallelDecode() ? list.parallelStream() : list.stream())
                .map(r -> decode(Received.of(r, topics.contract(r.topic())))).toList();
    }

    /** decode must not throw; if it does anyway, the record is refused with the failure, not the batch. */
    private Decoded<E> decode(Received received) {
        try {
            return consumer.decode(received);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: decoding the record at %s failed", state.thread(), received.where());
            return Decoded.refused(received, new Violation("", "processing-error", "The event could not be read: " + e));
        }
    }

    private void process(List<Decoded<E>> part) {
        try {
            count(transaction.apply(consumer, part));
        } catch (RuntimeException e) {
            if (failures.isTransient(e)) {
                throw e;
            }
            if (part.size() > 1) {
                LOG.warnf("%s: a batch of %d records failed, splitting it to find the record: %s", state.thread(),
                        part.size(), e);
                int half = part.size() / 2;
                process(part.subList(0, half));
                process(part.subList(half, part.size()));
            } else {
                retryOrIsolate(part.get(0), e);
            }
        }
    }

    /** A record alone still failing: a deadlock victim gets two more tries, a poison record its dead letter. */
    private void retryOrIsolate(Decoded<E> one, RuntimeException first) {
        RuntimeException last = first;
        for (int attempt = 2; attempt <= SINGLE_RECORD_ATTEMPTS; attempt++) {
            sleep(200L * attempt);
            try {
                count(transaction.apply(consumer, List.of(one)));
                return;
            } catch (RuntimeException e) {
                if (failures.isTransient(e)) {
                    throw e;
                }
                last = e;
            }
        }
        isolate(one, last);
    }

    private void isolate(Decoded<E> one, RuntimeException failure) {
        Received record = one.received();
        Decoded.Facts facts = one instanceof Decoded.Event<E> e ? new Decoded.Facts(e.id(), e.source(), null, null)
                : Decoded.Facts.NONE;
        LOG.errorf(failure, "%s: the record at %s keeps failing; it becomes a dead letter", state.thread(), record.where());
        try {
            state.count("dead-lettered", deadLetters.storeFailure(consumer.name(), record, facts, failure) ? 1 : 0);
            return;
        } catch (RuntimeException e) {
            if (failures.isTransient(e)) {
                throw e;
            }
            LOG.errorf(e, "%s: the dead letter of %s could not be stored; keeping its coordinates only",
                    state.thread(), record.where());
        }
        try {
            state.count("dead-lettered", deadLetters.storeCoordinates(consumer.name(), record, failure) ? 1 : 0);
        } catch (RuntimeException e) {
            if (failures.isTransient(e)) {
                throw e;
            }
            String hash = record.payload() == null ? "tombstone" : HexFormat.of().formatHex(DeadLetters.sha256(record.payload()));
            LOG.errorf(e, "%s: LOST the record at %s (payload SHA-256 %s): not even its coordinates could be stored",
                    state.thread(), record.where(), hash);
            state.count("lost", 1);
        }
    }

    private void count(Outcome<E> o) {
        state.count("applied", o.applied().size());
        state.count("duplicate", o.duplicates().size());
        state.count("rejected", o.deadLettered());
        state.count("ignored", o.ignored());
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> r = records.records(p);
            offsets.put(p, new OffsetAndMetadata(r.get(r.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Back to the batch's first offsets, on the partitions still ours (a rebalance may have moved some). */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition p : records.partitions()) {
            if (kafka.assignment().contains(p)) {
                kafka.seek(p, records.records(p).get(0).offset());
            }
        }
    }

    private void pause(int failuresInARow) {
        sleep(Math.min(30_000L, 500L << Math.min(failuresInARow, 6)));
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
