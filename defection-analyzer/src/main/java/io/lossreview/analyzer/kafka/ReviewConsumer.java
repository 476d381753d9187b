package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.defection.CallCorrections;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.DeadLetters;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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

    @Incoming(Channels.REVIEW)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        List<ContractEventReader.Read> reads = StreamSupport.stream(records.spliterator(), false).map(reader::read).toList();
        Retries.run("loss.review batch", reads, corrections::apply,
                (read, failure) -> deadLetters.recordFailure(CallCorrections.CONSUMER, read, failure));
    }
}
