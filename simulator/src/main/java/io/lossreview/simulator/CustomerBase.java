package io.lossreview.simulator;

import io.lossreview.contracts.Money;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionStarted;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The customers around the losses: an opening balance on the first day of the first month, new customers each month,
 * and what the base does besides losing customers: expansions, contractions, and one of several subscriptions
 * cancelled while the others stay (a contraction, never a lost customer). The simulation's lost customers belong to
 * the base too: their subscriptions are in the balance, or start during the simulated months when they became
 * customers after the balance day. CRM-only losses stay outside it: billing never knew them, so they are losses of an
 * unknown base.
 */
final class CustomerBase {

    /** New customers a month, as a share of the opening base: a little above the losses, so the base grows. */
    static final double NEW_SHARE = 0.03;
    /** Each month, of the customers active at its start. */
    static final double EXPANSION = 0.02;
    static final double CONTRACTION = 0.01;
    /** Of the customers with more than one active subscription: one of them cancelled, the others kept. */
    static final double PARTIAL_CANCELLATION = 0.03;

    /** One subscription active on the balance day, as a billing system exports it. */
    record BalanceLine(String customerId, String subscriptionId, Money mrr, int seats, String plan, String segment,
                       String region) {
    }

    /** A record to publish about one customer. */
    record Emitted(String customerId, Episode.Outgoing out) {
    }

    record Generated(List<BalanceLine> balance, List<Emitted> events) {
    }

    private final SimulationConfig config;
    private final Rand r;
    private final List<BalanceLine> balance = new ArrayList<>();
    private final List<Emitted> events = new ArrayList<>();

    private CustomerBase(SimulationConfig config, Rand r) {
        this.config = config;
        this.r = r;
    }

    static Generated generate(SimulationConfig config, List<Episode> lost, Set<String> taken, Rand r) {
        CustomerBase base = new CustomerBase(config, r);
        int lostInBalance = 0;
        for (Episode e : lost) {
            lostInBalance += base.placeLost(e) ? 1 : 0;
        }
        List<Member> members = new ArrayList<>();
        for (int i = lostInBalance; i < config.baseCustomers(); i++) {
            Member m = base.newMember(Profile.next(r, taken), r.chance(0.7) ? 1 : r.chance(0.67) ? 2 : 3);
            base.addToBalance(m);
            members.add(m);
        }
        long newPerMonth = Math.round(config.baseCustomers() * NEW_SHARE);
        for (int i = 0; i < config.months(); i++) {
            YearMonth month = config.firstMonth().plusMonths(i);
            Instant start = config.monthStart(month);
            Instant last = config.monthStart(month.plusMonths(1)).minusSeconds(1);
            for (Member m : members) {
                base.move(m, start, last);
            }
            for (long n = 0; n < newPerMonth; n++) {
                Member m = base.newMember(Profile.next(r, taken), r.chance(0.75) ? 1 : 2);
                base.start(m, r.instantBetween(start, last));
                members.add(m);
            }
        }
        return new Generated(List.copyOf(base.balance), List.copyOf(base.events));
    }

    /**
     * A lost customer's subscriptions: in the balance when they were a customer before its day, else started on the
     * day they became one. The balance holds each at the MRR it is later cancelled with.
     *
     * @return whether the customer is in the balance
     */
    private boolean placeLost(Episode e) {
        if (e.cancellations().isEmpty()) {
            return false;
        }
        Profile p = e.profile();
        if (e.since().isBefore(config.balanceDay())) {
            String region = r.chance(0.85) ? p.region() : null;
            for (SubscriptionCancelled s : e.cancellations()) {
                balance.add(new BalanceLine(p.customerId(), s.subscriptionId(), s.mrr(), s.seatsOrDefault(), s.plan(),
                        p.segment().name(), region));
            }
            return true;
        }
        Instant at = e.since().atStartOfDay(config.zone()).toInstant().plus(r.seconds(Duration.ofHours(8), Duration.ofHours(18)));
        for (SubscriptionCancelled s : e.cancellations()) {
            emit(p, Topics.BILLING_SUBSCRIPTION_STARTED, at,
                    new SubscriptionStarted(p.customerId(), s.subscriptionId(), s.plan(), s.seats(), s.mrr(), at));
        }
        return false;
    }

    private Member newMember(Profile p, int subscriptions) {
        Member m = new Member(p);
        Set<String> ids = new HashSet<>();
        int seg = p.segment().ordinal();
        for (int i = 0; i < subscriptions; i++) {
            String id;
            do {
                id = "sub_" + r.base62(14);
            } while (!ids.add(id));
            long cents = r.skewed(Episodes.MRR_CENTS[seg][0], Episodes.MRR_CENTS[seg][1]);
            if (r.chance(0.5)) {
                cents = Math.max(100, cents / 100 * 100);
            }
            String tier = r.pick(Episodes.TIERS[seg]);
            String cycle = r.chance(0.6) ? "monthly" : "annual";
            String plan = p.stripe() ? Episodes.cap(tier) + " " + Episodes.cap(cycle) : tier + "-" + cycle;
            m.subs.add(new Sub(id, new Money(BigDecimal.valueOf(cents, 2), p.currency()),
                    (int) r.skewed(Episodes.SEATS[seg][0], Episodes.SEATS[seg][1]), r.chance(0.9) ? plan : null));
        }
        return m;
    }

    private void addToBalance(Member m) {
        String region = r.chance(0.85) ? m.p.region() : null;
        for (Sub s : m.subs) {
            balance.add(new BalanceLine(m.p.customerId(), s.id, s.mrr, s.seats, s.plan, m.p.segment().name(), region));
        }
    }

    private void start(Member m, Instant at) {
        for (Sub s : m.subs) {
            emit(m.p, Topics.BILLING_SUBSCRIPTION_STARTED, at,
                    new SubscriptionStarted(m.p.customerId(), s.id, s.plan, s.seats, s.mrr, at));
        }
    }

    /** At most one movement per customer and month, so no change can touch a subscription already cancelled. */
    private void move(Member m, Instant start, Instant last) {
        List<Sub> active = m.subs.stream().filter(s -> s.active).toList();
        double u = r.unit();
        if (u < EXPANSION + CONTRACTION) {
            Sub s = r.pick(active);
            int percent = u < EXPANSION ? (int) r.between(110, 150) : (int) r.between(60, 90);
            BigDecimal amount = s.mrr.amount().multiply(BigDecimal.valueOf(percent, 2)).setScale(2, RoundingMode.HALF_UP)
                    .max(BigDecimal.ONE);
            s.mrr = new Money(amount, s.mrr.currency());
            s.seats = Math.max(1, s.seats * percent / 100);
            Instant at = r.instantBetween(start, last);
            emit(m.p, Topics.BILLING_SUBSCRIPTION_CHANGED, at,
                    new SubscriptionChanged(m.p.customerId(), s.id, null, s.seats, s.mrr, at));
        } else if (active.size() > 1 && !m.partlyCancelled && r.chance(PARTIAL_CANCELLATION)) {
            Sub s = r.pick(active);
            s.active = false;
            m.partlyCancelled = true; // once: a second one months later would be an episode of its own, also fine, but rarer
            Instant cancelledAt = r.instantBetween(start, last);
            Instant latest = cancelledAt.plus(Duration.ofDays(10)).isBefore(last) ? cancelledAt.plus(Duration.ofDays(10)) : last;
            Instant effectiveAt = r.chance(0.85) ? r.instantBetween(cancelledAt, latest) : null;
            emit(m.p, Topics.BILLING_SUBSCRIPTION_CANCELLED, cancelledAt, new SubscriptionCancelled(m.p.customerId(), s.id,
                    s.plan, s.seats, s.mrr, cancelledAt, effectiveAt, r.chance(0.7) ? Boolean.TRUE : null,
                    r.chance(0.5) ? r.pick(Episodes.STRIPE_CODES) : null, null, null, null));
        }
    }

    private void emit(Profile p, String topic, Instant at, Object data) {
        String source = p.stripe() ? Episodes.STRIPE : Episodes.CHARGEBEE;
        events.add(new Emitted(p.customerId(), new Episode.Outgoing(topic, source, at, at.plusSeconds(r.between(1, 30)), data)));
    }

    /** A customer of the base who is not lost in the simulated months. */
    private static final class Member {
        final Profile p;
        final List<Sub> subs = new ArrayList<>();
        boolean partlyCancelled;

        Member(Profile p) {
            this.p = p;
        }
    }

    private static final class Sub {
        final String id;
        final String plan;
        Money mrr;
        int seats;
        boolean active = true;

        Sub(String id, Money mrr, int seats, String plan) {
            this.id = id;
            this.mrr = mrr;
            this.seats = seats;
            this.plan = plan;
        }
    }
}
