package io.lossreview.scheduler.consumer;

import io.lossreview.contracts.Topics;
import io.lossreview.contracts.Violation;
import io.lossreview.messaging.Decoded;
import io.lossreview.messaging.EventConsumer;
import io.lossreview.messaging.Received;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A consumer for tests of the consumer path itself, on a topic the scheduler does not read: a
 * value starting with "poison" makes its transaction fail every time (a record the code cannot
 * process), one starting with "stall" blocks it until {@link #release()} (a stuck consumer).
 * Every other value is an event whose id is the value.
 */
@ApplicationScoped
public class ProbeConsumer implements EventConsumer<String> {

    public static final String NAME = "test.probe";
    private static volatile CountDownLatch stall = new CountDownLatch(0);

    public static void holdStalls() {
        stall = new CountDownLatch(1);
    }

    public static void release() {
        stall.countDown();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.CRM_ACCOUNT_CHURNED);
    }

    @Override
    public Decoded<String> decode(Received record) {
        if (record.tombstone()) {
            return Decoded.refused(record, new Violation("", "tombstone", "no value"));
        }
        String value = new String(record.payload(), StandardCharsets.UTF_8);
        return new Decoded.Event<>(record, "/test/probe", value, value);
    }

    @Override
    public List<Decoded.Refused<String>> apply(List<Decoded.Event<String>> fresh) {
        for (Decoded.Event<String> e : fresh) {
            if (e.event().startsWith("poison")) {
                throw new IllegalArgumentException("cannot process " + e.event());
            }
            if (e.event().startsWith("stall")) {
                try {
                    stall.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return List.of();
    }
}
