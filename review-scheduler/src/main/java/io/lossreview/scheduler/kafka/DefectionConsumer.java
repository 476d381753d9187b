package io.lossreview.scheduler.kafka;

import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.messaging.ContractEventConsumer;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import io.lossreview.scheduler.defection.DefectionCopyRepository;
import jakarta.inject.Singleton;
import java.util.List;

/** Keeps the scheduler's defection copies from loss.defections, on the platform's consumer path. */
@Singleton
public class DefectionConsumer extends ContractEventConsumer<DefectionChanged> {

    private final DefectionCopyRepository copies;

    public DefectionConsumer(ContractEventReader reader, DefectionCopyRepository copies) {
        super(reader, DefectionCopyRepository.CONSUMER, Topics.LOSS_DEFECTIONS, EventTypes.DEFECTION_CHANGED,
                DefectionChanged.class, ContractEventReader.OtherTypes.REFUSE);
        this.copies = copies;
    }

    @Override
    public List<Decoded.Refused<DefectionChanged>> apply(List<Decoded.Event<DefectionChanged>> fresh) {
        copies.apply(fresh.stream().map(Decoded.Event::event).toList());
        return List.of();
    }
}
