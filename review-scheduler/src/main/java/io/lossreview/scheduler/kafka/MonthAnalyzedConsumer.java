package io.lossreview.scheduler.kafka;

import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.analysis.MonthAnalyzed;
import io.lossreview.messaging.ContractEventConsumer;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import io.lossreview.scheduler.packet.PacketFreshness;
import jakarta.inject.Singleton;
import java.util.List;

/** Marks a month's newest packet stale when loss.analysis says its figures changed, on the platform's consumer path. */
@Singleton
public class MonthAnalyzedConsumer extends ContractEventConsumer<MonthAnalyzed> {

    private final PacketFreshness freshness;

    public MonthAnalyzedConsumer(ContractEventReader reader, PacketFreshness freshness) {
        super(reader, PacketFreshness.CONSUMER, Topics.LOSS_ANALYSIS, EventTypes.MONTH_ANALYZED, MonthAnalyzed.class,
                ContractEventReader.OtherTypes.REFUSE);
        this.freshness = freshness;
    }

    @Override
    public List<Decoded.Refused<MonthAnalyzed>> apply(List<Decoded.Event<MonthAnalyzed>> fresh) {
        freshness.apply(fresh.stream().map(Decoded.Event::event).toList());
        return List.of();
    }
}
