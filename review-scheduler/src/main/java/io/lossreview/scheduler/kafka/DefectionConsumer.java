package io.lossreview.scheduler.kafka;

import io.lossreview.contracts.Topics;
import io.lossreview.messaging.BatchConsumers;
import io.lossreview.messaging.BatchRetries;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.DeadLetters;
import io.lossreview.scheduler.defection.DefectionCopies;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Keeps the scheduler's defection copies from loss.defections; offsets are committed after the database commit. */
@ApplicationScoped
public class DefectionConsumer {

    private final ContractEventReader reader;
    private final DefectionCopies copies;
    private final DeadLetters deadLetters;

    public DefectionConsumer(ContractEventReader reader, DefectionCopies copies, DeadLetters deadLetters) {
        this.reader = reader;
        this.copies = copies;
        this.deadLetters = deadLetters;
    }

    void start(@Observes StartupEvent start, BatchConsumers consumers) {
        consumers.start("defections", List.of(Topics.LOSS_DEFECTIONS), new StringDeserializer(), this::consume);
    }

    void consume(ConsumerRecords<String, String> records) {
        List<ContractEventReader.Read> reads = StreamSupport.stream(records.spliterator(), false).map(reader::read).toList();
        BatchRetries.run("loss.defections batch", reads, copies::apply,
                (read, failure) -> deadLetters.recordFailure(DefectionCopies.CONSUMER, read, failure));
    }
}
