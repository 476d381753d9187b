package io.lossreview.ingest.base;

import io.lossreview.contracts.Money;
import io.lossreview.ingest.base.BaseMeasurer.MonthTally;
import io.lossreview.ingest.base.BaseMeasurer.Valuation;
import io.lossreview.ingest.ledger.LedgerEntry;
import io.lossreview.ingest.ledger.LedgerEntry.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One customer's ledger facts in replay order, and what they add to a month's base ({@link BaseMeasurer}). */
final class CustomerTimeline {

    static final String UNKNOWN = "unknown";

    private final List<LedgerEntry> facts;
    private final boolean known;

    private CustomerTimeline(List<LedgerEntry> facts) {
        this.facts = BaseMeasurer.replayOrder(facts);
        this.known = facts.stream().anyMatch(f -> f.kind() == Kind.BALANCE || f.kind() == Kind.START);
    }

    static CustomerTimeline of(List<LedgerEntry> facts) {
        return new CustomerTimeline(facts);
    }

    boolean known() {
        return known;
    }

    void tally(Instant start, Instant end, Valuation value, MonthTally t) {
        State state = new State();
        int i = 0;
        while (i < facts.size() && atStart(facts.get(i), start)) {
            state.apply(facts.get(i++));
        }
        boolean activeAtStart = state.active();
        boolean everActive = state.everActive;
        if (activeAtStart) {
            t.atStart++;
            t.mrrAtStart = t.mrrAtStart.add(state.mrr(value));
            t.segments.merge(state.segment == null ? UNKNOWN : state.segment, 1, Integer::sum);
            t.regions.merge(state.region == null ? UNKNOWN : state.region, 1, Integer::sum);
            t.plans.merge(state.largestPlan(value), 1, Integer::sum);
        }
        boolean lost = false;
        boolean reactivated = false;
        while (i < facts.size() && facts.get(i).at().isBefore(end)) {
            Instant at = facts.get(i).at();
            boolean wasActive = state.active();
            BigDecimal before = state.mrr(value);
            boolean onlyBalance = true;
            boolean voluntary = true;
            for (; i < facts.size() && facts.get(i).at().equals(at); i++) {
                LedgerEntry f = facts.get(i);
                onlyBalance &= f.kind() == Kind.BALANCE;
                voluntary &= f.kind() != Kind.END || !Boolean.FALSE.equals(f.voluntary());
                state.apply(f);
            }
            boolean isActive = state.active();
            BigDecimal after = state.mrr(value);
            if (onlyBalance) {
                continue; // a balance shows the base, it does not move it
            }
            if (!wasActive && isActive) {
                if (everActive) {
                    t.reactivation = t.reactivation.add(after);
                    if (!reactivated) {
                        t.reactivated++;
                        reactivated = true;
                    }
                } else {
                    t.added = t.added.add(after);
                    t.newCustomers++;
                }
            } else if (wasActive && !isActive) {
                t.churned = t.churned.add(before);
                if (!lost) {
                    lost = true;
                    t.lost++;
                    if (activeAtStart) {
                        t.lostFromStart++;
                        t.lostVoluntary += voluntary ? 1 : 0;
                    }
                }
            } else if (wasActive) {
                BigDecimal delta = after.subtract(before);
                if (delta.signum() > 0) {
                    t.expansion = t.expansion.add(delta);
                } else {
                    t.contraction = t.contraction.add(delta.negate());
                }
            }
            everActive |= isActive;
        }
        if (state.active()) {
            t.atEnd++;
            t.mrrAtEnd = t.mrrAtEnd.add(state.mrr(value));
        }
    }

    /**
     * Whether a fact shapes the base at the month's start rather than moving it: everything before the
     * start, and an opening balance as of that very instant (it states the day's base). Any other fact
     * at the start instant is the month's own movement, so a subscription ending on the stroke of
     * midnight is lost in the month it ends in, not in neither month.
     */
    private static boolean atStart(LedgerEntry f, Instant start) {
        return f.at().isBefore(start) || f.at().equals(start) && f.kind() == Kind.BALANCE;
    }

    /** Each subscription's state, replayed. */
    private static final class State {
        private final Map<String, Subscription> subscriptions = new TreeMap<>();
        private boolean everActive;
        private String segment;
        private String region;

        void apply(LedgerEntry f) {
            Subscription s = subscriptions.computeIfAbsent(f.subscriptionId(), id -> new Subscription(id));
            s.active = f.kind() != Kind.END;
            if (f.mrr() != null && f.kind() != Kind.END) {
                s.mrr = f.mrr();
            }
            if (f.plan() != null) {
                s.plan = f.plan();
            }
            segment = f.segment() != null ? f.segment() : segment;
            region = f.region() != null ? f.region() : region;
            everActive |= s.active;
        }

        boolean active() {
            return subscriptions.values().stream().anyMatch(s -> s.active);
        }

        BigDecimal mrr(Valuation value) {
            return subscriptions.values().stream().filter(s -> s.active).map(s -> value.of(s.mrr))
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        }

        /** The plan of the active subscription worth most (the customer's main plan). */
        String largestPlan(Valuation value) {
            return subscriptions.values().stream().filter(s -> s.active)
                    .max(Comparator.comparing((Subscription s) -> value.of(s.mrr)).thenComparing(s -> s.id, Comparator.reverseOrder()))
                    .map(s -> s.plan == null ? UNKNOWN : s.plan).orElse(UNKNOWN);
        }
    }

    private static final class Subscription {
        final String id;
        boolean active;
        Money mrr;
        String plan;

        Subscription(String id) {
            this.id = id;
        }
    }
}
