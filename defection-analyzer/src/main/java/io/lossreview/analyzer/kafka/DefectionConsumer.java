package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.defection.DefectionIntake;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.DeadLetters;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Consumes loss.defections in batches; offsets are committed after {@link DefectionIntake#apply} committed. */
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

    @Incoming(Channels.DEFECTIONS)
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> records) {
        List<ContractEventReader.Read> reads = StreamSupport.stream(records.spliterator(), false).map(reader::read).toList();
        Retries.run("loss.defections batch", reads, batch -> {
            DefectionIntake.Outcome o = intake.apply(batch);
            LOG.debugf("loss.defections: %d events, %d applied, %d duplicates, %d stale, %d dead letters",
                    batch.size(), o.applied(), o.duplicates(), o.stale(), o.deadLetters());
        }, (read, failure) -> deadLetters.recordFailure(DefectionIntake.CONSUMER, read, failure));
    }
}
