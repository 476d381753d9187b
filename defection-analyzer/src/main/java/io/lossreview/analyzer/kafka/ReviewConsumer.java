package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.defection.CallCorrections;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import io.lossreview.messaging.EventConsumer;
import io.lossreview.messaging.Received;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** loss.review for what executives learned on their calls; the topic's other review events are not ours. */
@ApplicationScoped
public class ReviewConsumer implements EventConsumer<CallCompleted> {

    private final ContractEventReader reader;
    private final CallCorrections corrections;

    public ReviewConsumer(ContractEventReader reader, CallCorrections corrections) {
        this.reader = reader;
        this.corrections = corrections;
    }

    @Override
    public String name() {
        return CallCorrections.CONSUMER;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.LOSS_REVIEW);
    }

    @Override
    public Decoded<CallCompleted> decode(Received record) {
        return reader.decode(record, EventTypes.CALL_COMPLETED, CallCompleted.class, ContractEventReader.OtherTypes.IGNORE);
    }

    @Override
    public List<Decoded.Refused<CallCompleted>> apply(List<Decoded.Event<CallCompleted>> fresh) {
        return corrections.apply(fresh);
    }
}
