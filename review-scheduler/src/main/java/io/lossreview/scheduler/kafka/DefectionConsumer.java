package io.lossreview.scheduler.kafka;

import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import io.lossreview.messaging.EventConsumer;
import io.lossreview.messaging.Received;
import io.lossreview.scheduler.defection.DefectionCopies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Keeps the scheduler's defection copies from loss.defections, on the platform's consumer path. */
@ApplicationScoped
public class DefectionConsumer implements EventConsumer<DefectionChanged> {

    private final ContractEventReader reader;
    private final DefectionCopies copies;

    public DefectionConsumer(ContractEventReader reader, DefectionCopies copies) {
        this.reader = reader;
        this.copies = copies;
    }

    @Override
    public String name() {
        return DefectionCopies.CONSUMER;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.LOSS_DEFECTIONS);
    }

    @Override
    public Decoded<DefectionChanged> decode(Received record) {
        return reader.decode(record, EventTypes.DEFECTION_CHANGED, DefectionChanged.class,
                ContractEventReader.OtherTypes.REFUSE);
    }

    @Override
    public List<Decoded.Refused<DefectionChanged>> apply(List<Decoded.Event<DefectionChanged>> fresh) {
        copies.apply(fresh.stream().map(Decoded.Event::event).toList());
        return List.of();
    }
}
