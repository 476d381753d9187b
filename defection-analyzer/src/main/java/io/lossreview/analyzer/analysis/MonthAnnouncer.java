package io.lossreview.analyzer.analysis;

import io.lossreview.contracts.analysis.view.CauseRanking;
import io.lossreview.contracts.analysis.view.MonthSummary;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.analysis.CauseTotal;
import io.lossreview.contracts.analysis.MonthAnalyzed;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * Announces changed months on loss.analysis. Coalesced: however many defections of a month changed
 * since the last run, the month is announced once, with its figures at that moment.
 */
@ApplicationScoped
public class MonthAnnouncer {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MonthAnnouncer.class);
    private static final int MONTHS_PER_RUN = 50;
    private static final int TOP_CAUSES = 5;

    private final ChangedMonths changedMonths;
    private final MonthAnalysis analysis;
    private final Outbox outbox;
    private final Clock clock;

    public MonthAnnouncer(ChangedMonths changedMonths, MonthAnalysis analysis, Outbox outbox, Clock clock) {
        this.changedMonths = changedMonths;
        this.analysis = analysis;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${analyzer.publish-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (announceChanged() == MONTHS_PER_RUN) {
                // more months waiting: keep going
            }
        } catch (RuntimeException e) {
            // The marks stay in month_changed: nothing is lost, the next run announces them.
            LOG.warnf("Changed months not announced yet, will retry: %s", e.getMessage());
        }
    }

    /** Announces up to MONTHS_PER_RUN changed months; the marks go in the same transaction as the events. */
    @Transactional
    public int announceChanged() {
        List<YearMonth> months = changedMonths.take(MONTHS_PER_RUN);
        outbox.add(months.stream().map(m -> new OutboxMessage(Topics.LOSS_ANALYSIS, m.toString(),
                EventTypes.MONTH_ANALYZED, analyzed(m))).toList());
        return months.size();
    }

    public MonthAnalyzed analyzed(YearMonth month) {
        MonthSummary s = analysis.summary(month);
        CauseRanking ranking = analysis.causes(month, RankBy.ARR);
        List<CauseTotal> top = ranking.causes().stream().filter(c -> c.customers() > 0).limit(TOP_CAUSES)
                .map(c -> new CauseTotal(c.cause(), c.customers(), c.arrLost())).toList();
        return new MonthAnalyzed(month, ranking.taxonomyVersion(), s.customers(), s.seats(), s.mrrLost(), s.arrLost(),
                s.lifetimeValueLost(), s.wonBack(), s.unvalued(), top, s.emergingCauses(), clock.instant());
    }
}
