package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.analyzer.change.DefectionIntake;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.messaging.ContractEventConsumer;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * loss.defections on the platform's consumer path: several threads share the topic's partitions
 * (month totals add up in any order under shared month locks); offsets are committed after
 * {@link DefectionIntake#apply} committed with the inbox.
 */
@Singleton
public class DefectionConsumer extends ContractEventConsumer<DefectionChanged> {

    private static final Logger LOG = Logger.getLogger(DefectionConsumer.class);

    private final DefectionIntake intake;
    private final AnalyzerConfig config;

    public DefectionConsumer(ContractEventReader reader, DefectionIntake intake, AnalyzerConfig config) {
        super(reader, DefectionIntake.CONSUMER, Topics.LOSS_DEFECTIONS, EventTypes.DEFECTION_CHANGED,
                DefectionChanged.class, ContractEventReader.OtherTypes.REFUSE);
        this.intake = intake;
        this.config = config;
    }

    @Override
    public int instances() {
        return config.defectionConsumers();
    }

    /** The JSON and schema work of a batch is spread over the cores; the batch commits as one. */
    @Override
    public boolean parallelDecode() {
        return true;
    }

    @Override
    public List<Decoded.Refused<DefectionChanged>> apply(List<Decoded.Event<DefectionChanged>> fresh) {
        DefectionIntake.Outcome o = intake.apply(fresh.stream().map(Decoded.Event::event).toList());
        LOG.debugf("loss.defections: %d new events, %d applied, %d stale", fresh.size(), o.applied(), o.stale());
        return List.of();
    }
}
