package io.lossreview.ingest.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.ingest.base.MonthBaseStore.Measured;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.ingest.fx.FxRates;
import io.lossreview.ingest.ledger.LedgerEntry;
import io.lossreview.ingest.ledger.SubscriptionLedger;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Measures the customer base of every month from the ledger whenever the ledger or the FX rates changed,
 * at most every {@code ingest.base-interval} (BASE_INTERVAL) and paced by {@link BasePacing} during bulk
 * loads, and announces each month whose figures changed on loss.base through the outbox, in the same
 * transaction that records what was announced (one instance at a time).
 */
@ApplicationScoped
public class BaseAnnouncer {

    private static final Logger LOG = Logger.getLogger(BaseAnnouncer.class);

    private final SubscriptionLedger ledger;
    private final MonthBaseStore store;
    private final FxRates fx;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final IngestConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final BasePacing pacing;

    public BaseAnnouncer(SubscriptionLedger ledger, MonthBaseStore store, FxRates fx, Outbox outbox, BusinessCalendar calendar,
                         IngestConfig config, ObjectMapper mapper, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.fx = fx;
        this.outbox = outbox;
        this.calendar = calendar;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.pacing = new BasePacing(config.baseMaxStaleness());
    }

    @Scheduled(every = "${ingest.base-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            Instant started = clock.instant();
            if (pacing.due(started, ledger.newest())) {
                measureIfChanged();
                pacing.measured(started, clock.instant());
            }
        } catch (RuntimeException e) {
            // Nothing was recorded as measured: the next run measures again.
            LOG.warnf("Month bases not measured yet, will retry: %s", e.getMessage());
        }
    }

    /** @return the months announced because their figures changed */
    @Transactional
    public List<YearMonth> measureIfChanged() {
        Optional<Measured> last = store.claim();
        if (last.isEmpty()) {
            return List.of(); // another instance is measuring
        }
        Measured now = new Measured(ledger.newest(), fx.digest());
        if (now.equals(last.get())) {
            return List.of();
        }
        List<LedgerEntry> facts = ledger.all();
        List<MonthBase> measured = facts.isEmpty() ? List.of()
                : BaseMeasurer.measure(facts, months(facts), settings(facts), store.unknownBaseLosses(), clock.instant());
        Map<YearMonth, String> announced = store.announced();
        Map<YearMonth, String> changed = new LinkedHashMap<>();
        List<OutboxMessage> messages = new ArrayList<>();
        for (MonthBase b : measured) {
            String figures = json(b.at(null));
            if (!figures.equals(announced.get(b.month()))) {
                changed.put(b.month(), figures);
                messages.add(new OutboxMessage(Topics.LOSS_BASE, b.month().toString(), EventTypes.MONTH_BASE_MEASURED, b));
            }
        }
        store.announce(changed);
        outbox.add(messages);
        store.measured(now);
        return List.copyOf(changed.keySet());
    }

    /** From the month of the first fact to this month (or the last fact's, if later). */
    private List<YearMonth> months(List<LedgerEntry> facts) {
        YearMonth first = calendar.month(facts.stream().map(LedgerEntry::at).min(Comparator.naturalOrder()).orElseThrow());
        YearMonth lastFact = calendar.month(facts.stream().map(LedgerEntry::at).max(Comparator.naturalOrder()).orElseThrow());
        YearMonth now = calendar.month(clock.instant());
        YearMonth last = lastFact.isAfter(now) ? lastFact : now;
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The FX rates every month needs, read once. */
    private BaseMeasurer.Settings settings(List<LedgerEntry> facts) {
        Set<String> currencies = facts.stream().filter(f -> f.mrr() != null).map(f -> f.mrr().currency())
                .filter(c -> !c.equals(config.reportingCurrency())).collect(Collectors.toSet());
        Set<FxRates.Need> needs = months(facts).stream().flatMap(m -> currencies.stream().map(c -> new FxRates.Need(c, m.atDay(1))))
                .collect(Collectors.toSet());
        Map<FxRates.Need, BigDecimal> rates = fx.lookup(needs);
        return new BaseMeasurer.Settings(calendar.zone(), config.reportingCurrency(),
                (currency, day) -> rates.get(new FxRates.Need(currency, day)));
    }

    private String json(MonthBase b) {
        try {
            return mapper.writeValueAsString(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a month base always serializes", e);
        }
    }
}
