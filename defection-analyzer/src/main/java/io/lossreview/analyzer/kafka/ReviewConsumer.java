package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.change.CallCorrections;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.messaging.ContractEventConsumer;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import jakarta.inject.Singleton;
import java.util.List;

/** loss.review for what executives learned on their calls; the topic's other review events are not ours. */
@Singleton
public class ReviewConsumer extends ContractEventConsumer<CallCompleted> {

    private final CallCorrections corrections;

    public ReviewConsumer(ContractEventReader reader, CallCorrections corrections) {
        super(reader, CallCorrections.CONSUMER, Topics.LOSS_REVIEW, EventTypes.CALL_COMPLETED, CallCompleted.class,
                ContractEventReader.OtherTypes.IGNORE);
        this.corrections = corrections;
    }

    @Override
    public List<Decoded.Refused<CallCompleted>> apply(List<Decoded.Event<CallCompleted>> fresh) {
        return corrections.apply(fresh);
    }
}
