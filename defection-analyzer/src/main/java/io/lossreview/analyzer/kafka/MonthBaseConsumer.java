package io.lossreview.analyzer.kafka;

import io.lossreview.analyzer.analysis.ChangedMonths;
import io.lossreview.analyzer.base.MonthBases;
import io.lossreview.analyzer.config.AnalyzerConfig;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.messaging.ContractEventConsumer;
import io.lossreview.messaging.ContractEventReader;
import io.lossreview.messaging.Decoded;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** loss.base: the customer base of each month, the denominator of its rates and cause shares. */
@Singleton
public class MonthBaseConsumer extends ContractEventConsumer<MonthBase> {

    private final MonthBases bases;
    private final ChangedMonths changedMonths;
    private final AnalyzerConfig config;

    public MonthBaseConsumer(ContractEventReader reader, MonthBases bases, ChangedMonths changedMonths, AnalyzerConfig config) {
        super(reader, MonthBases.CONSUMER, Topics.LOSS_BASE, EventTypes.MONTH_BASE_MEASURED, MonthBase.class,
                ContractEventReader.OtherTypes.REFUSE);
        this.bases = bases;
        this.changedMonths = changedMonths;
        this.config = config;
    }

    @Override
    public List<Decoded.Refused<MonthBase>> apply(List<Decoded.Event<MonthBase>> fresh) {
        Set<YearMonth> measured = bases.keep(fresh.stream().map(Decoded.Event::event).toList());
        // A month's base is the exposure of its own emerging-cause test and of the months whose baseline it is in:
        // their analysis is announced again.
        Set<YearMonth> affected = new TreeSet<>();
        measured.forEach(m -> {
            for (int i = 0; i <= config.baselineMonths(); i++) {
                affected.add(m.plusMonths(i));
            }
        });
        changedMonths.mark(affected);
        return List.of();
    }
}
