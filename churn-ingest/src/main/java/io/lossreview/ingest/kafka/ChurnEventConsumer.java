package io.lossreview.ingest.kafka;

import io.lossreview.contracts.Topics;
import io.lossreview.contracts.Violation;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.ingest.defection.BatchResult;
import io.lossreview.ingest.defection.DefectionService;
import io.lossreview.ingest.inbound.CloudEventReader;
import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.messaging.BatchConsumers;
import io.lossreview.messaging.TopicNames;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Consumes the billing and CRM topics in batches ({@link BatchConsumers}): a batch's offsets are
 * committed only after {@link DefectionService#recordAll} committed the database transaction.
 *
 * <p>Every consumer reads all three topics. They are keyed by customer id with the same partition
 * count, and the consumers split them with Kafka's range assignor, so one customer's billing and
 * CRM events always reach the same consumer: consumers never wait for each other's customer locks
 * (one consumer per topic did, since billing and CRM events of a customer arrive close together).
 */
@ApplicationScoped
public class ChurnEventConsumer {

    private static final Logger LOG = Logger.getLogger(ChurnEventConsumer.class);
    private static final int ATTEMPTS = 3;

    private final CloudEventReader reader;
    private final DefectionService defections;
    private final TopicNames topics;

    public ChurnEventConsumer(CloudEventReader reader, DefectionService defections, TopicNames topics) {
        this.reader = reader;
        this.defections = defections;
        this.topics = topics;
    }

    void start(@Observes StartupEvent start, BatchConsumers consumers, IngestConfig config) {
        List<String> inbound = List.of(Topics.BILLING_SUBSCRIPTION_CANCELLED, Topics.BILLING_SUBSCRIPTION_REACTIVATED,
                Topics.CRM_ACCOUNT_CHURNED);
        for (int i = 1; i <= config.consumers(); i++) {
            String name = "churn-events-" + i;
            consumers.start(name, inbound, new ByteArrayDeserializer(), records -> consume(records, name));
        }
    }

    private void consume(ConsumerRecords<String, byte[]> records, String consumer) {
        List<InboundEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            events.add(reader.read(r, topics.contract(r.topic())));
        }
        BatchResult result = recordWithRetries(events);
        LOG.infof("%s: %d events, %d accepted, %d duplicates, %d rejected", consumer, events.size(),
                result.accepted().size(), result.duplicates().size(), result.rejected().size());
    }

    /**
     * Transient failures (a database restart) are retried. A batch that keeps failing is split, so
     * one event the code cannot process is rejected with its reason and the rest go on.
     */
    private BatchResult recordWithRetries(List<InboundEvent> events) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return defections.recordAll(events);
            } catch (RuntimeException e) {
                LOG.warnf("Batch of %d events failed (attempt %d of %d): %s", events.size(), attempt, ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
        List<String> accepted = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<InboundEvent> rejected = new ArrayList<>();
        for (InboundEvent e : events) {
            BatchResult one;
            try {
                one = defections.recordAll(List.of(e));
            } catch (RuntimeException ex) {
                one = defections.recordAll(List.of(e.withViolations(List.of(
                        new Violation("", "processing-error", "The event could not be processed: " + ex.getMessage())))));
            }
            accepted.addAll(one.accepted());
            duplicates.addAll(one.duplicates());
            rejected.addAll(one.rejected());
        }
        return new BatchResult(accepted, duplicates, rejected);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
