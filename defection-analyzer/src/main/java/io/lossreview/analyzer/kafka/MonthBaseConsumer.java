package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.base.MonthBases;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.messaging.ContractEventConsumer;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import jakarta.inject.Singleton;
import java.util.List;

/** loss.base: the customer base of each month, the denominator of its rates and cause shares. */
@Singleton
public class MonthBaseConsumer extends ContractEventConsumer<MonthBase> {

    private final MonthBases bases;

    public MonthBaseConsumer(ContractEventReader reader, MonthBases bases) {
        super(reader, MonthBases.CONSUMER, Topics.LOSS_BASE, EventTypes.MONTH_BASE_MEASURED, MonthBase.class,
                ContractEventReader.OtherTypes.REFUSE);
        this.bases = bases;
    }

    @Override
    public List<Decoded.Refused<MonthBase>> apply(List<Decoded.Event<MonthBase>> fresh) {
        bases.keep(fresh.stream().map(Decoded.Event::event).toList());
        return List.of();
    }
}
