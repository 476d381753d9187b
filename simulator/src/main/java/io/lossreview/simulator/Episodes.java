package io.lossreview.simulator;

import io.lossreview.contracts.Money;
import io.lossreview.contracts.Segment;
import io.lossreview.contracts.Topics;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionReactivated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds one loss episode. The loss month is chosen first and every effectiveAt (the loss instant) is placed inside
 * it, so the month the figures count a customer in never depends on which event the platform sees first.
 */
final class Episodes {

    static final String STRIPE = "/billing/stripe-sync";
    static final String CHARGEBEE = "/billing/chargebee";
    static final String SALESFORCE = "/crm/salesforce";
    /** Win-backs stay well inside the platform's 90-day window, late reactivations well outside. */
    static final Duration WIN_BACK_MAX = Duration.ofDays(88);
    static final Duration LATE_MIN = Duration.ofDays(100);
    static final Duration LATE_MAX = Duration.ofDays(200);

    private static final Duration DAY = Duration.ofDays(1);
    static final String[] STRIPE_CODES =
            {"too_expensive", "missing_features", "switched_service", "unused", "customer_service", "too_complex", "low_quality"};
    static final String[][] TIERS = {{"starter", "team"}, {"team", "business"}, {"business", "enterprise"}};
    static final long[][] MRR_CENTS = {{2_000, 50_000}, {50_000, 500_000}, {500_000, 6_000_000}};
    static final int[][] SEATS = {{1, 25}, {10, 200}, {100, 2_000}};

    private final SimulationConfig config;
    private final Phrases phrases;

    Episodes(SimulationConfig config, Phrases phrases) {
        this.config = config;
        this.phrases = phrases;
    }

    Episode create(Profile p, Cause cause, YearMonth month, Rand r) {
        Instant monthStart = config.monthStart(month);
        Instant monthEnd = config.monthStart(month.plusMonths(1)).minusSeconds(1);
        Instant loss = r.chance(0.35) // billing systems often end service at the end of a day
                ? LocalDate.ofInstant(r.instantBetween(monthStart, monthEnd), config.zone()).plusDays(1)
                        .atStartOfDay(config.zone()).toInstant().minusSeconds(1)
                : r.instantBetween(monthStart, monthEnd);
        double mix = r.unit();
        boolean billing = mix < 0.90; // 75% billing + CRM, 15% billing only, 10% CRM only
        boolean crm = mix < 0.75 || mix >= 0.90;
        LocalDate since = LocalDate.ofInstant(loss, config.zone()).minusMonths(p.tenureMonths()).minusDays(r.between(0, 27));

        List<SubscriptionCancelled> subs = billing ? subscriptions(p, cause, loss, monthStart, since, r) : List.of();
        List<Episode.Outgoing> out = new ArrayList<>();
        String billingSource = p.stripe() ? STRIPE : CHARGEBEE;
        Instant lastBillingPublish = null;
        for (SubscriptionCancelled s : subs) {
            Instant publishAt = s.cancelledAt().plusSeconds(r.between(1, 30));
            lastBillingPublish = lastBillingPublish == null || publishAt.isAfter(lastBillingPublish) ? publishAt : lastBillingPublish;
            out.add(new Episode.Outgoing(Topics.BILLING_SUBSCRIPTION_CANCELLED, billingSource, s.cancelledAt(), publishAt, s));
        }

        AccountChurned churned = null;
        if (crm) {
            int seats = subs.isEmpty() ? SEATS[p.segment().ordinal()][0] * 2 : subs.stream().mapToInt(SubscriptionCancelled::seatsOrDefault).sum();
            Phrases.Context ctx = new Phrases.Context(p.competitor(), p.contact().name(), p.contact().title(), seats);
            Instant churnedAt;
            Instant publishAt;
            if (subs.isEmpty()) {
                churnedAt = loss.plusMillis(r.between(0, 999));
                publishAt = churnedAt.plus(r.seconds(Duration.ofMinutes(10), Duration.ofDays(2)));
            } else { // the account manager logs it 1-10 days after billing, dating it 0-10 days after the first cancellation
                Instant firstCancel = subs.stream().map(SubscriptionCancelled::cancelledAt).min(Comparator.naturalOrder()).orElseThrow();
                publishAt = lastBillingPublish.plus(r.seconds(DAY, Duration.ofDays(10)));
                Instant latest = min(min(firstCancel.plus(Duration.ofDays(10)), publishAt), config.streamEnd());
                churnedAt = r.instantBetween(firstCancel, latest.minusSeconds(1)).plusMillis(r.between(0, 999)); // millis: Salesforce style
            }
            churned = churned(p, cause, churnedAt, since, r, ctx);
            out.add(new Episode.Outgoing(Topics.CRM_ACCOUNT_CHURNED, SALESFORCE, churnedAt, publishAt, churned));
        }

        SubscriptionReactivated reactivation = subs.isEmpty() ? null : reactivation(subs, loss, r);
        if (reactivation != null) {
            out.add(new Episode.Outgoing(Topics.BILLING_SUBSCRIPTION_REACTIVATED, billingSource, reactivation.reactivatedAt(),
                    reactivation.reactivatedAt().plusSeconds(r.between(1, 30)), reactivation));
        }
        return new Episode(p, cause, subs, churned, reactivation, List.copyOf(out), since);
    }

    private List<SubscriptionCancelled> subscriptions(Profile p, Cause cause, Instant loss, Instant monthStart,
                                                     LocalDate since, Rand r) {
        double n = r.unit();
        int count = n < 0.80 ? 1 : n < 0.95 ? 2 : 3;
        boolean voluntary = cause != Cause.INVOLUNTARY;
        List<SubscriptionCancelled> subs = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        // The primary subscription ends at the loss instant; the others were cancelled within 20 days before it.
        boolean omitEffective = r.chance(0.1);
        Instant primaryCancel = omitEffective ? loss : loss.minus(r.seconds(Duration.ZERO, Duration.ofDays(30)));
        for (int i = 0; i < count; i++) {
            Instant cancelledAt;
            Instant effectiveAt;
            if (i == 0) {
                cancelledAt = primaryCancel;
                effectiveAt = omitEffective ? null : loss;
            } else {
                Instant earliest = max(primaryCancel.minus(Duration.ofDays(20)), monthStart.minus(Duration.ofDays(30)));
                cancelledAt = r.instantBetween(earliest, primaryCancel);
                boolean omit = !cancelledAt.isBefore(monthStart) && r.chance(0.1); // then it ends at cancelledAt, inside the month
                effectiveAt = omit ? null : r.instantBetween(max(cancelledAt, monthStart), min(loss, cancelledAt.plus(Duration.ofDays(30))));
            }
            subs.add(subscription(p, cause, voluntary, i, cancelledAt, effectiveAt, since, ids, r));
        }
        return List.copyOf(subs);
    }

    private SubscriptionCancelled subscription(Profile p, Cause cause, boolean voluntary, int index, Instant cancelledAt,
                                               Instant effectiveAt, LocalDate since, Set<String> ids, Rand r) {
        int seg = p.segment().ordinal();
        String id;
        do {
            id = "sub_" + r.base62(14);
        } while (!ids.add(id));
        int seats = (int) r.skewed(SEATS[seg][0], SEATS[seg][1]);
        long cents = r.skewed(MRR_CENTS[seg][0], MRR_CENTS[seg][1]);
        if (r.chance(0.5)) {
            cents = Math.max(100, cents / 100 * 100); // list price, whole units
        }
        Money mrr = new Money(BigDecimal.valueOf(cents, 2), p.currency());
        String tier = r.pick(TIERS[seg]);
        String cycle = r.chance(0.6) ? "monthly" : "annual";
        String plan = p.stripe() ? cap(tier) + " " + cap(cycle) : tier + "-" + cycle;
        Phrases.Context ctx = new Phrases.Context(p.competitor(), null, null, seats);
        String code;
        String comment = null;
        if (!voluntary) {
            double c = r.unit();
            code = c < 0.6 ? "payment_failed" : c < 0.75 ? "card_declined" : c < 0.9 ? "dunning_exhausted" : null;
            if (index == 0 && r.chance(0.15)) {
                comment = phrases.compose(cause, Phrases.Voice.BILLING, r, ctx);
            }
        } else {
            double c = r.unit();
            code = c < 0.65 ? cause.billingCode : c < 0.80 ? null : c < 0.90 ? "other" : r.pick(STRIPE_CODES);
            if (index > 0) {
                code = r.chance(0.6) ? code : null;
                comment = r.chance(0.2) ? phrases.secondary(r) : null;
            } else if (r.chance(0.6)) {
                comment = phrases.compose(cause, Phrases.Voice.BILLING, r, ctx);
            }
        }
        Money lifetime = r.chance(0.25)
                ? new Money(mrr.amount().multiply(BigDecimal.valueOf(p.tenureMonths()))
                        .multiply(BigDecimal.valueOf(r.between(60, 100), 2)).setScale(2, RoundingMode.HALF_UP), p.currency())
                : null;
        return new SubscriptionCancelled(p.customerId(), id, r.chance(0.9) ? plan : null,
                seats == 1 && r.chance(0.5) ? null : seats, // single-seat plans often omit the count (default 1)
                mrr, cancelledAt, effectiveAt,
                voluntary ? (r.chance(0.7) ? Boolean.TRUE : null) : Boolean.FALSE,
                code, comment, r.chance(0.5) ? since : null, lifetime);
    }

    private AccountChurned churned(Profile p, Cause cause, Instant churnedAt, LocalDate since, Rand r, Phrases.Context ctx) {
        String reason = r.chance(0.92) ? phrases.compose(cause, Phrases.Voice.CRM, r, ctx) : null;
        double c = r.unit();
        String code = c < 0.6 ? cause.crmCode : c < 0.7 ? "OTHER" : null;
        String competitor = cause == Cause.COMPETITOR && r.chance(0.7) ? p.competitor() : null;
        Boolean doNotContact = p.doNotContact() ? Boolean.TRUE : r.chance(0.6) ? Boolean.FALSE : null;
        return new AccountChurned(p.customerId(), p.accountName(), p.segment(), p.region(), p.industry(),
                p.accountOwner(), r.chance(0.8) ? since : null, churnedAt, reason, code, competitor, p.lastNps(),
                r.chance(0.85) ? p.contact() : null, doNotContact);
    }

    /** ~rate of all lost customers; only those with billing subscriptions can reactivate (90% of them). */
    private SubscriptionReactivated reactivation(List<SubscriptionCancelled> subs, Instant loss, Rand r) {
        if (!r.chance(Math.min(1, config.reactivationRate() / 0.9))) {
            return null;
        }
        SubscriptionCancelled sub = r.pick(subs);
        Instant at;
        if (r.chance(0.7)) { // a win-back
            Duration room = Duration.between(loss, config.streamEnd());
            if (room.compareTo(Duration.ofHours(1)) < 0) {
                return null;
            }
            at = loss.plus(r.seconds(Duration.ofHours(1), room.compareTo(WIN_BACK_MAX) < 0 ? room : WIN_BACK_MAX));
        } else {
            at = loss.plus(r.seconds(LATE_MIN, LATE_MAX));
            if (at.isAfter(config.streamEnd())) {
                return null; // would lie beyond the simulated period
            }
        }
        Money mrr = null;
        if (r.chance(0.5)) {
            BigDecimal amount = r.chance(0.6) ? sub.mrr().amount()
                    : sub.mrr().amount().multiply(BigDecimal.valueOf(r.between(80, 100), 2)).setScale(2, RoundingMode.HALF_UP);
            mrr = new Money(amount, sub.mrr().currency());
        }
        return new SubscriptionReactivated(sub.customerId(), sub.subscriptionId(), at.plusMillis(r.between(0, 999)), mrr);
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
