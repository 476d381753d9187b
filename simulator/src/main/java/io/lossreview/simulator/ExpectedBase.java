package io.lossreview.simulator;

import io.lossreview.contracts.Money;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import io.lossreview.contracts.inbound.SubscriptionStarted;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The customer base of each simulated month, computed here on our own from the balance and the billing records we
 * publish (never from platform code), by ChartMogul's definitions:
 * <ul>
 *   <li>a customer is active while any subscription is: from its balance line (as of the balance day's first
 *       instant), start, change or reactivation, until its end (effectiveAt, default cancelledAt); only customers
 *       with a balance line or a start are counted, the others' losses are losses of an unknown base;</li>
 *   <li>customers at a month's start are those active after every fact before its first instant (and the balance
 *       as of that instant); a fact at or after it moves the month: becoming active is a new customer (never active
 *       before) or a reactivation, becoming inactive a loss (of their MRR just before), an MRR change of a customer
 *       who stays active an expansion or contraction; facts at one instant count together, in the order balance,
 *       start, change, reactivation, end;</li>
 *   <li>a reactivation without an MRR brings the subscription back at its last one;</li>
 *   <li>amounts are converted at the rate of the month's first day, per subscription, rounded half-up to cents;</li>
 *   <li>rates have 6 decimals (half-even): customer churn = lost customers who were active at the start / customers
 *       at the start; voluntary and involuntary split those by whether the last end was voluntary; gross MRR churn =
 *       (churned + contraction) / MRR at the start; net also subtracts expansion and reactivation.</li>
 * </ul>
 */
final class ExpectedBase {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ExpectedBase() {
    }

    /** One ledger fact as the records state it; {@code mrr} null where they do not. */
    record Fact(String customerId, String subscriptionId, Instant at, Kind kind, Money mrr, String plan, String segment,
                String region, boolean involuntary) {
    }

    /** Also the order of facts at the same instant. */
    enum Kind { BALANCE, START, CHANGE, REACTIVATE, END }

    /** The facts of a balance and of the valid billing records (other records state none). */
    static List<Fact> facts(SimulationConfig config, List<CustomerBase.BalanceLine> balance, List<Object> records) {
        Instant balanceAt = config.balanceDay().atStartOfDay(config.zone()).toInstant();
        List<Fact> facts = new ArrayList<>();
        for (CustomerBase.BalanceLine l : balance) {
            facts.add(new Fact(l.customerId(), l.subscriptionId(), balanceAt, Kind.BALANCE, l.mrr(), l.plan(), l.segment(),
                    l.region(), false));
        }
        for (Object o : records) {
            if (o instanceof SubscriptionStarted s) {
                facts.add(new Fact(s.customerId(), s.subscriptionId(), s.startedAt(), Kind.START, s.mrr(), s.plan(), null, null, false));
            } else if (o instanceof SubscriptionChanged s) {
                facts.add(new Fact(s.customerId(), s.subscriptionId(), s.changedAt(), Kind.CHANGE, s.mrr(), s.plan(), null, null, false));
            } else if (o instanceof SubscriptionReactivated s) {
                facts.add(new Fact(s.customerId(), s.subscriptionId(), s.reactivatedAt(), Kind.REACTIVATE, s.mrr(), null, null, null, false));
            } else if (o instanceof SubscriptionCancelled s) {
                facts.add(new Fact(s.customerId(), s.subscriptionId(), s.effectiveAtOrDefault(), Kind.END, null, s.plan(), null, null,
                        Boolean.FALSE.equals(s.voluntary())));
            }
        }
        return facts;
    }

    /** The customers the base knows: a balance line or a start of theirs. */
    static Set<String> known(List<Fact> facts) {
        return facts.stream().filter(f -> f.kind() == Kind.BALANCE || f.kind() == Kind.START).map(Fact::customerId)
                .collect(Collectors.toSet());
    }

    /** Each simulated month's base; {@code unknownBaseLosses} counts the losses of customers the base does not know. */
    static Map<YearMonth, ExpectedFigures.BaseFigures> months(SimulationConfig config, FxTable fx, List<Fact> facts,
                                                             Map<YearMonth, Long> unknownBaseLosses) {
        Set<String> known = known(facts);
        Map<String, List<Fact>> byCustomer = facts.stream().filter(f -> known.contains(f.customerId()))
                .sorted(Comparator.comparing(Fact::at).thenComparing(Fact::kind))
                .collect(Collectors.groupingBy(Fact::customerId, TreeMap::new, Collectors.toList()));
        Map<YearMonth, ExpectedFigures.BaseFigures> result = new LinkedHashMap<>();
        for (int i = 0; i < config.months(); i++) {
            YearMonth month = config.firstMonth().plusMonths(i);
            Month m = new Month(config, fx, month);
            byCustomer.values().forEach(m::add);
            result.put(month, m.figures(unknownBaseLosses.getOrDefault(month, 0L)));
        }
        return result;
    }

    /** One month's sums. */
    private static final class Month {
        final Instant start;
        final Instant end;
        final LocalDate rateDay;
        final SimulationConfig config;
        final FxTable fx;
        long atStart, added, reactivated, lost, lostFromStart, lostVoluntary, atEnd;
        BigDecimal mrrAtStart = ZERO, mrrAdded = ZERO, expansion = ZERO, contraction = ZERO, churned = ZERO,
                mrrReactivated = ZERO, mrrAtEnd = ZERO;
        final Map<String, Long> segments = new TreeMap<>();
        final Map<String, Long> regions = new TreeMap<>();
        final Map<String, Long> plans = new TreeMap<>();

        Month(SimulationConfig config, FxTable fx, YearMonth month) {
            this.config = config;
            this.fx = fx;
            this.start = config.monthStart(month);
            this.end = config.monthStart(month.plusMonths(1));
            this.rateDay = month.atDay(1);
        }

        void add(List<Fact> facts) {
            Customer c = new Customer();
            int i = 0;
            for (; i < facts.size(); i++) {
                Fact f = facts.get(i);
                boolean beforeStart = f.at().isBefore(start) || f.at().equals(start) && f.kind() == Kind.BALANCE;
                if (!beforeStart) {
                    break;
                }
                c.apply(f);
            }
            boolean wasAtStart = c.active();
            if (wasAtStart) {
                atStart++;
                mrrAtStart = mrrAtStart.add(c.mrr(this));
                segments.merge(c.segment == null ? "unknown" : c.segment, 1L, Long::sum);
                regions.merge(c.region == null ? "unknown" : c.region, 1L, Long::sum);
                plans.merge(c.mainPlan(this), 1L, Long::sum);
            }
            boolean countedLost = false;
            boolean countedBack = false;
            while (i < facts.size() && facts.get(i).at().isBefore(end)) {
                Instant at = facts.get(i).at();
                boolean activeBefore = c.active();
                boolean wasEverActive = c.everActive;
                BigDecimal before = c.mrr(this);
                boolean balanceOnly = true;
                boolean involuntary = false;
                while (i < facts.size() && facts.get(i).at().equals(at)) {
                    Fact f = facts.get(i++);
                    balanceOnly &= f.kind() == Kind.BALANCE;
                    involuntary |= f.kind() == Kind.END && f.involuntary();
                    c.apply(f);
                }
                BigDecimal after = c.mrr(this);
                if (balanceOnly) {
                    continue;
                }
                if (!activeBefore && c.active()) {
                    if (wasEverActive) {
                        mrrReactivated = mrrReactivated.add(after);
                        reactivated += countedBack ? 0 : 1;
                        countedBack = true;
                    } else {
                        mrrAdded = mrrAdded.add(after);
                        added++;
                    }
                } else if (activeBefore && !c.active()) {
                    churned = churned.add(before);
                    if (!countedLost) {
                        countedLost = true;
                        lost++;
                        lostFromStart += wasAtStart ? 1 : 0;
                        lostVoluntary += wasAtStart && !involuntary ? 1 : 0;
                    }
                } else if (activeBefore) {
                    int sign = after.compareTo(before);
                    expansion = sign > 0 ? expansion.add(after.subtract(before)) : expansion;
                    contraction = sign < 0 ? contraction.add(before.subtract(after)) : contraction;
                }
            }
            if (c.active()) {
                atEnd++;
                mrrAtEnd = mrrAtEnd.add(c.mrr(this));
            }
        }

        BigDecimal value(Money m) {
            return m == null ? ZERO : m.amount().multiply(fx.rate(m.currency(), rateDay)).setScale(2, RoundingMode.HALF_UP);
        }

        ExpectedFigures.BaseFigures figures(long unknownBaseLosses) {
            return new ExpectedFigures.BaseFigures(atStart, added, reactivated, lost, lostFromStart, lostVoluntary, atEnd,
                    mrrAtStart, mrrAdded, expansion, contraction, churned, mrrReactivated, mrrAtEnd, unknownBaseLosses,
                    rate(lostFromStart, atStart), rate(lostVoluntary, atStart), rate(lostFromStart - lostVoluntary, atStart),
                    rate(churned.add(contraction), mrrAtStart),
                    rate(churned.add(contraction).subtract(expansion).subtract(mrrReactivated), mrrAtStart),
                    segments, regions, plans);
        }

        private static BigDecimal rate(long part, long whole) {
            return rate(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
        }

        private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
            return whole.signum() == 0 ? null : part.divide(whole, 6, RoundingMode.HALF_EVEN);
        }
    }

    /** One customer's subscriptions, replayed. */
    private static final class Customer {
        final Map<String, Money> activeMrr = new HashMap<>();
        final Map<String, Money> lastMrr = new HashMap<>();
        final Map<String, String> plans = new HashMap<>();
        boolean everActive;
        String segment;
        String region;

        void apply(Fact f) {
            if (f.plan() != null) {
                plans.put(f.subscriptionId(), f.plan());
            }
            segment = f.segment() != null ? f.segment() : segment;
            region = f.region() != null ? f.region() : region;
            if (f.kind() == Kind.END) {
                activeMrr.remove(f.subscriptionId());
                return;
            }
            Money mrr = f.mrr() != null ? f.mrr() : lastMrr.get(f.subscriptionId());
            lastMrr.put(f.subscriptionId(), mrr);
            activeMrr.put(f.subscriptionId(), mrr);
            everActive = true;
        }

        boolean active() {
            return !activeMrr.isEmpty();
        }

        BigDecimal mrr(Month m) {
            return activeMrr.values().stream().map(m::value).reduce(ZERO, BigDecimal::add);
        }

        /** The plan of the active subscription worth most; on a tie, the lowest subscription id's. */
        String mainPlan(Month m) {
            return activeMrr.entrySet().stream()
                    .max(Comparator.comparing((Map.Entry<String, Money> e) -> m.value(e.getValue()))
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .map(e -> plans.getOrDefault(e.getKey(), "unknown")).orElse("unknown");
        }
    }
}
