package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.defection.DefectionIntake;
import io.lossreview.contracts.Topics;
import io.lossreview.messaging.BatchConsumers;
import io.lossreview.messaging.BatchRetries;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.DeadLetters;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/** Consumes loss.defections in batches; the offsets are committed after {@link DefectionIntake#apply} committed. */
@ApplicationScoped
public class DefectionConsumer {

    private static final Logger LOG = Logger.getLogger(DefectionConsumer.class);

    private final ContractEventReader reader;
    private final DefectionIntake intake;
    private final DeadLetters deadLetters;

    public DefectionConsumer(ContractEventReader reader, DefectionIntake intake, DeadLetters deadLetters) {
        this.reader = reader;
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    /** Several consumers share the topic's partitions; month totals add up in any order (shared month locks). */
    void start(@Observes StartupEvent start, BatchConsumers consumers, AnalyzerConfig config) {
        for (int i = 1; i <= config.defectionConsumers(); i++) {
            consumers.start("defections-" + i, List.of(Topics.LOSS_DEFECTIONS), new StringDeserializer(), this::consume);
        }
    }

    void consume(ConsumerRecords<String, String> records) {
        // The JSON and schema work of a batch is spread over the cores; the batch commits as one.
        List<ContractEventReader.Read> reads = StreamSupport.stream(records.spliterator(), false).toList()
                .parallelStream().map(reader::read).toList();
        BatchRetries.run("loss.defections batch", reads, batch -> {
            DefectionIntake.Outcome o = intake.apply(batch);
            LOG.debugf("loss.defections: %d events, %d applied, %d duplicates, %d stale, %d dead letters",
                    batch.size(), o.applied(), o.duplicates(), o.stale(), o.deadLetters());
        }, (read, failure) -> deadLetters.recordFailure(DefectionIntake.CONSUMER, read, failure));
    }
}
