package io.lossreview.ingest.defection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.defection.DefectionChange;
import io.lossreview.contracts.defection.DefectionValue;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import io.lossreview.contracts.inbound.SubscriptionStarted;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.ingest.defection.DefectionRepository.Saved;
import io.lossreview.ingest.fx.FxRates;
import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.ingest.ledger.CustomerLedger;
import io.lossreview.ingest.ledger.LedgerEntries;
import io.lossreview.ingest.ledger.LedgerEntry;
import io.lossreview.ingest.ledger.SubscriptionLedger;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns a batch of new, valid inbound events into defections and subscription ledger entries inside the
 * batch's transaction (the consumer path's, which also holds the inbox record and the dead letters): the
 * defection documents, the ledger and their outbox events commit with them.
 */
@ApplicationScoped
@Transactional
public class DefectionService {

    private final CustomerLocks locks;
    private final SubscriptionLedger ledger;
    private final DefectionRepository defections;
    private final FxRates fxRates;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final IngestConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DefectionService(CustomerLocks locks, SubscriptionLedger ledger, DefectionRepository defections, FxRates fxRates,
                            Outbox outbox, BusinessCalendar calendar, IngestConfig config, ObjectMapper mapper, Clock clock) {
        this.locks = locks;
        this.ledger = ledger;
        this.defections = defections;
        this.fxRates = fxRates;
        this.outbox = outbox;
        this.calendar = calendar;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Re-values the defections waiting for a rate, e.g. after new FX rates were loaded. */
    public int revaluePending() {
        // Lock, then reload: a batch for the same customer may have changed the document meanwhile.
        Set<String> customers = defections.findValuePending().stream().map(d -> d.customerId).collect(Collectors.toSet());
        locks.lock(customers);
        List<Defection> pending = defections.findByCustomers(customers).stream()
                .filter(d -> d.hasBilling() && (d.value == null || d.value.valuePending())).toList();
        List<Defection> valued = new ArrayList<>();
        value(pending).forEach((d, v) -> {
            if (!v.valuePending()) {
                d.revalued(v);
                valued.add(d);
            }
        });
        outbox.add(save(valued, Map.of()));
        return valued.size();
    }

    /**
     * Looks again at the episodes of customers whose base just became known (an opening balance loaded
     * after their cancellations arrived): one that left another subscription active is a contraction.
     *
     * @return how many episodes changed
     */
    public int reconsider(Set<String> customers) {
        locks.lock(customers);
        Map<String, List<Defection>> byCustomer = defections.findByCustomers(customers).stream()
                .collect(Collectors.groupingBy(d -> d.customerId, HashMap::new, Collectors.toCollection(ArrayList::new)));
        if (byCustomer.isEmpty()) {
            return 0;
        }
        Set<Defection> changed = new LinkedHashSet<>();
        reclassify(byCustomer, CustomerLedger.byCustomer(ledger.ofCustomers(byCustomer.keySet())), changed);
        value(changed).forEach((d, v) -> d.value = v);
        outbox.add(save(changed, Map.of()));
        return changed.size();
    }

    /** Applies new, valid events (the consumer path has validated and deduped them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<InboundEvent> events) {
        if (!events.isEmpty()) {
            outbox.add(changes(events));
        }
    }

    private List<OutboxMessage> changes(List<InboundEvent> events) {
        Set<String> customers = events.stream().map(InboundEvent::customerId).collect(Collectors.toSet());
        locks.lock(customers);
        Map<String, List<Defection>> byCustomer = defections.findByCustomers(customers).stream()
                .collect(Collectors.groupingBy(d -> d.customerId, HashMap::new, Collectors.toCollection(ArrayList::new)));
        List<LedgerEntry> added = new ArrayList<>();
        Set<Defection> changed = new LinkedHashSet<>();
        for (InboundEvent e : events) {
            List<Defection> episodes = byCustomer.computeIfAbsent(e.customerId(), c -> new ArrayList<>());
            switch (e.type()) {
                case EventTypes.SUBSCRIPTION_STARTED -> added.add(LedgerEntries.of(e, data(e, SubscriptionStarted.class)));
                case EventTypes.SUBSCRIPTION_CHANGED -> added.add(LedgerEntries.of(e, data(e, SubscriptionChanged.class)));
                case EventTypes.SUBSCRIPTION_CANCELLED -> {
                    SubscriptionCancelled s = data(e, SubscriptionCancelled.class);
                    Defection d = episode(episodes, s.customerId(), s.cancelledAt(),
                            x -> x.acceptsCancellation(s.cancelledAt(), config.correlationWindow()));
                    d.addCancellation(s);
                    changed.add(d);
                    added.add(LedgerEntries.of(e, s));
                }
                case EventTypes.ACCOUNT_CHURNED -> {
                    AccountChurned a = data(e, AccountChurned.class);
                    Defection d = episode(episodes, a.customerId(), a.churnedAt(),
                            x -> x.acceptsAccountRecord(a.churnedAt(), config.correlationWindow()));
                    d.addAccountChurned(a);
                    changed.add(d);
                }
                case EventTypes.SUBSCRIPTION_REACTIVATED -> added.add(LedgerEntries.of(e, data(e, SubscriptionReactivated.class)));
                default -> throw new IllegalStateException("validated event of unexpected type " + e.type());
            }
        }
        ledger.add(added);
        List<LedgerEntry> facts = ledger.ofCustomers(customers);
        reclassify(byCustomer, CustomerLedger.byCustomer(facts), changed);
        ledger.markWinsBack(winBacks(byCustomer, facts, changed));
        value(changed).forEach((d, v) -> d.value = v);
        return save(changed, origins(events));
    }

    /** Per customer, when the oldest of this batch's events about them was published: what its changes wait since. */
    private static Map<String, Instant> origins(List<InboundEvent> events) {
        Map<String, Instant> origins = new HashMap<>();
        for (InboundEvent e : events) {
            if (e.publishedAt() != null) {
                origins.merge(e.customerId(), e.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return origins;
    }

    /**
     * Where the ledger knows the customer's base, an episode after which another subscription stayed
     * active is a contraction, not a loss; and one that was a contraction becomes a loss when the ledger
     * shows that other subscription ended first after all (facts arrive in any order).
     */
    private static void reclassify(Map<String, List<Defection>> byCustomer, Map<String, CustomerLedger> ledgers,
                                   Set<Defection> changed) {
        byCustomer.forEach((customer, episodes) -> {
            CustomerLedger ledger = ledgers.get(customer);
            if (ledger == null || !ledger.known()) {
                return;
            }
            for (Defection d : episodes) {
                if (d.hasBilling() && d.reclassify(ledger.anotherActiveAt(d.lossAt(), d.subscriptions.keySet()))) {
                    changed.add(d);
                }
            }
        });
    }

    /**
     * A start or reactivation wins back the LOST episode it falls within the win-back window of, once:
     * the ledger keeps every comeback, so one arriving before its loss is matched when the loss arrives.
     *
     * @return the comebacks that won a loss back now, each naming the defection
     */
    private List<LedgerEntry> winBacks(Map<String, List<Defection>> byCustomer, List<LedgerEntry> facts,
                                       Set<Defection> changed) {
        List<LedgerEntry> won = new ArrayList<>();
        facts.stream().filter(f -> f.comeback() && f.winsBack() == null).sorted(Comparator.comparing(LedgerEntry::at))
                .forEach(comeback -> byCustomer.getOrDefault(comeback.customerId(), List.of()).stream()
                        .filter(d -> d.wonBackBy(comeback.at(), config.winBackWindow()))
                        .findFirst().ifPresent(d -> {
                            d.markWonBack(comeback.at());
                            changed.add(d);
                            won.add(comeback.winningBack(d.id));
                        }));
        return won;
    }

    private Defection episode(List<Defection> episodes, String customerId, Instant occurredAt,
                              Predicate<Defection> joins) {
        return episodes.stream().filter(joins)
                .min((a, b) -> Long.compare(distance(a, occurredAt), distance(b, occurredAt)))
                .orElseGet(() -> {
                    Defection d = Defection.open(customerId, occurredAt);
                    episodes.add(d);
                    return d;
                });
    }

    private static long distance(Defection d, Instant at) {
        return Math.abs(d.anchorAt.getEpochSecond() - at.getEpochSecond());
    }

    private Map<Defection, DefectionValue> value(Collection<Defection> ds) {
        String currency = config.reportingCurrency();
        Set<FxRates.Need> needs = ds.stream()
                .flatMap(d -> Valuation.needs(d, calendar.date(d.lossAt()), currency)).collect(Collectors.toSet());
        Map<FxRates.Need, BigDecimal> rates = fxRates.lookup(needs);
        Map<Defection, DefectionValue> values = new HashMap<>();
        for (Defection d : ds) {
            values.put(d, Valuation.value(d, calendar.date(d.lossAt()), currency, rates));
        }
        return values;
    }

    /** @param origins per customer, when the inbound events behind these changes were published (none: no origin) */
    private List<OutboxMessage> save(Collection<Defection> changed, Map<String, Instant> origins) {
        Instant now = clock.instant();
        List<Saved> saved = new ArrayList<>();
        List<OutboxMessage> messages = new ArrayList<>();
        for (Defection d : changed) {
            boolean announce = d.toAnnounce();
            DefectionChange change = d.commitChange();
            saved.add(new Saved(d, calendar.month(d.lossAt())));
            if (announce) {
                messages.add(new OutboxMessage(Topics.LOSS_DEFECTIONS, d.customerId, EventTypes.DEFECTION_CHANGED,
                        DefectionEvents.toEvent(d, change, calendar, now), origins.get(d.customerId)));
            }
        }
        defections.saveAll(saved);
        return messages;
    }

    private <T> T data(InboundEvent e, Class<T> type) {
        try {
            return mapper.treeToValue(e.data(), type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("validated " + e.type() + " event " + e.id() + " does not map", ex);
        }
    }
}
