package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.defection.CallCorrections;
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

/** Consumes loss.review for what executives learned on their calls; other review events are not ours. */
@ApplicationScoped
public class ReviewConsumer {

    private final ContractEventReader reader;
    private final CallCorrections corrections;
    private final DeadLetters deadLetters;

    public ReviewConsumer(ContractEventReader reader, CallCorrections corrections, DeadLetters deadLetters) {
        this.reader = reader;
        this.corrections = corrections;
        this.deadLetters = deadLetters;
    }

    void start(@Observes StartupEvent start, BatchConsumers consumers) {
        consumers.start("review", List.of(Topics.LOSS_REVIEW), new StringDeserializer(), this::consume);
    }

    void consume(ConsumerRecords<String, String> records) {
        List<ContractEventReader.Read> reads = StreamSupport.stream(records.spliterator(), false).map(reader::read).toList();
        BatchRetries.run("loss.review batch", reads, corrections::apply,
                (read, failure) -> deadLetters.recordFailure(CallCorrections.CONSUMER, read, failure));
    }
}
