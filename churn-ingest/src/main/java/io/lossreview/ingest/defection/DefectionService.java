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
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import io.lossreview.ingest.config.IngestConfig;
import io.lossreview.ingest.defection.DefectionRepository.Saved;
import io.lossreview.ingest.fx.FxRates;
import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.ingest.defection.PendingReactivationRepository.PendingReactivation;
import io.lossreview.messaging.Outbox;
import io.lossreview.messaging.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns a batch of new, valid inbound events into defections inside the batch's transaction (the
 * consumer path's, which also holds the inbox record and the dead letters): the defection documents
 * and their outbox events commit with them.
 */
@ApplicationScoped
@Transactional
public class DefectionService {

    private final CustomerLocks locks;
    private final PendingReactivationRepository pending;
    private final DefectionRepository defections;
    private final FxRates fxRates;
    private final Outbox outbox;
    private final BusinessCalendar calendar;
    private final IngestConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DefectionService(CustomerLocks locks, PendingReactivationRepository pending, DefectionRepository defections, FxRates fxRates, Outbox outbox, BusinessCalendar calendar,
                            IngestConfig config, ObjectMapper mapper, Clock clock) {
        this.locks = locks;
        this.pending = pending;
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
        outbox.add(save(valued));
        return valued.size();
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
        List<PendingReactivation> waiting = new ArrayList<>(pending.unmatched(customers));
        List<PendingReactivation> added = new ArrayList<>();
        Set<Defection> changed = new LinkedHashSet<>();
        for (InboundEvent e : events) {
            List<Defection> episodes = byCustomer.computeIfAbsent(e.customerId(), c -> new ArrayList<>());
            switch (e.type()) {
                case EventTypes.SUBSCRIPTION_CANCELLED -> {
                    SubscriptionCancelled s = data(e, SubscriptionCancelled.class);
                    Defection d = episode(episodes, s.customerId(), s.cancelledAt(),
                            x -> x.acceptsCancellation(s.cancelledAt(), config.correlationWindow()));
                    d.addCancellation(s);
                    changed.add(d);
                }
                case EventTypes.ACCOUNT_CHURNED -> {
                    AccountChurned a = data(e, AccountChurned.class);
                    Defection d = episode(episodes, a.customerId(), a.churnedAt(),
                            x -> x.acceptsAccountRecord(a.churnedAt(), config.correlationWindow()));
                    d.addAccountChurned(a);
                    changed.add(d);
                }
                case EventTypes.SUBSCRIPTION_REACTIVATED -> {
                    PendingReactivation p = new PendingReactivation(e.source(), e.id(),
                            data(e, SubscriptionReactivated.class));
                    waiting.add(p);
                    added.add(p);
                }
                default -> throw new IllegalStateException("validated event of unexpected type " + e.type());
            }
        }
        List<PendingReactivation> matched = matchReactivations(byCustomer, waiting, changed);
        pending.saveUnmatched(added.stream().filter(p -> !matched.contains(p)).toList(),
                matched.stream().filter(p -> !added.contains(p)).toList());
        value(changed).forEach((d, v) -> d.value = v);
        return save(changed);
    }

    /** A reactivation wins back the LOST episode it falls within the win-back window of. */
    private List<PendingReactivation> matchReactivations(Map<String, List<Defection>> byCustomer,
                                                         List<PendingReactivation> waiting, Set<Defection> changed) {
        List<PendingReactivation> matched = new ArrayList<>();
        for (PendingReactivation p : waiting) {
            SubscriptionReactivated r = p.reactivation();
            byCustomer.getOrDefault(r.customerId(), List.of()).stream()
                    .filter(d -> d.wonBackBy(r.reactivatedAt(), config.winBackWindow()))
                    .findFirst().ifPresent(d -> {
                        d.markWonBack(r.reactivatedAt());
                        changed.add(d);
                        matched.add(p);
                    });
        }
        return matched;
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

    private List<OutboxMessage> save(Collection<Defection> changed) {
        Instant now = clock.instant();
        List<Saved> saved = new ArrayList<>();
        List<OutboxMessage> messages = new ArrayList<>();
        for (Defection d : changed) {
            DefectionChange change = d.commitChange();
            saved.add(new Saved(d, calendar.month(d.lossAt())));
            messages.add(new OutboxMessage(Topics.LOSS_DEFECTIONS, d.customerId, EventTypes.DEFECTION_CHANGED,
                    DefectionEvents.toEvent(d, change, calendar, now)));
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
