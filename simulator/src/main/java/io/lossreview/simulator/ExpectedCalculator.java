package io.lossreview.simulator;

import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionReactivated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's figures, computed here on our own from the very records we publish (never from platform code):
 * <ul>
 *   <li>loss instant = latest effectiveAt (default cancelledAt) of the customer's subscriptions, or the CRM churnedAt
 *       when billing never reported the loss; it is counted in the calendar month of that instant in the zone;</li>
 *   <li>each subscription's mrr is converted with the rate of the latest date on or before the loss date and rounded
 *       half-up to cents, then summed; arr = mrr × 12; seats default to 1; CRM-only losses count as unvalued;</li>
 *   <li>a reactivation at or after the first cancellation and at most 90 days after the loss instant is a win-back:
 *       counted only in that month's wonBack.</li>
 * </ul>
 */
final class ExpectedCalculator {

    static final Duration WIN_BACK_WINDOW = Duration.ofDays(90);
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ExpectedCalculator() {
    }

    /** One customer's contribution. */
    record Loss(String customerId, YearMonth month, Cause cause, long seats, BigDecimal mrr, boolean unvalued, boolean wonBack) {
    }

    static Loss loss(Episode e, FxTable fx, SimulationConfig config) {
        List<SubscriptionCancelled> subs = e.cancellations();
        if (subs.isEmpty()) {
            Instant at = e.churned().churnedAt();
            return new Loss(e.profile().customerId(), YearMonth.from(LocalDate.ofInstant(at, config.zone())), e.statedCause(),
                    0, ZERO, true, false);
        }
        Instant lossInstant = subs.get(0).effectiveAtOrDefault();
        Instant firstCancel = subs.get(0).cancelledAt();
        for (SubscriptionCancelled s : subs) {
            lossInstant = s.effectiveAtOrDefault().isAfter(lossInstant) ? s.effectiveAtOrDefault() : lossInstant;
            firstCancel = s.cancelledAt().isBefore(firstCancel) ? s.cancelledAt() : firstCancel;
        }
        LocalDate lossDate = LocalDate.ofInstant(lossInstant, config.zone());
        long seats = 0;
        BigDecimal mrr = ZERO;
        for (SubscriptionCancelled s : subs) {
            seats += s.seatsOrDefault();
            BigDecimal rate = fx.rate(s.mrr().currency(), lossDate);
            mrr = mrr.add(s.mrr().amount().multiply(rate).setScale(2, RoundingMode.HALF_UP));
        }
        SubscriptionReactivated re = e.reactivation();
        boolean wonBack = re != null
                && !re.reactivatedAt().isBefore(firstCancel)
                && !re.reactivatedAt().isAfter(lossInstant.plus(WIN_BACK_WINDOW));
        return new Loss(e.profile().customerId(), YearMonth.from(lossDate), e.statedCause(), seats, mrr, false, wonBack);
    }

    static List<ExpectedFigures.MonthFigures> months(List<Loss> losses, SimulationConfig config) {
        Map<YearMonth, Bucket> buckets = new LinkedHashMap<>();
        for (int i = 0; i < config.months(); i++) {
            buckets.put(config.firstMonth().plusMonths(i), new Bucket());
        }
        for (Loss l : losses) {
            Bucket b = buckets.get(l.month());
            if (b == null) {
                throw new IllegalStateException("loss of " + l.customerId() + " fell in " + l.month() + ", outside the simulated months");
            }
            b.add(l);
        }
        List<ExpectedFigures.MonthFigures> result = new ArrayList<>();
        buckets.forEach((month, b) -> result.add(b.figures(month)));
        return result;
    }

    private static final class Bucket {
        long customers;
        long seats;
        BigDecimal mrr = ZERO;
        long wonBack;
        long unvalued;
        final Map<Cause, long[]> causeCounts = new EnumMap<>(Cause.class); // {customers, seats}
        final Map<Cause, BigDecimal> causeMrr = new EnumMap<>(Cause.class);

        void add(Loss l) {
            if (l.wonBack()) {
                wonBack++;
                return;
            }
            customers++;
            seats += l.seats();
            mrr = mrr.add(l.mrr());
            unvalued += l.unvalued() ? 1 : 0;
            long[] c = causeCounts.computeIfAbsent(l.cause(), k -> new long[2]);
            c[0]++;
            c[1] += l.seats();
            causeMrr.merge(l.cause(), l.mrr(), BigDecimal::add);
        }

        ExpectedFigures.MonthFigures figures(YearMonth month) {
            Map<String, ExpectedFigures.CauseFigures> byCause = new LinkedHashMap<>();
            for (Cause cause : Cause.values()) {
                long[] c = causeCounts.getOrDefault(cause, new long[2]);
                byCause.put(cause.name(), new ExpectedFigures.CauseFigures(c[0], c[1], causeMrr.getOrDefault(cause, ZERO)));
            }
            return new ExpectedFigures.MonthFigures(month.toString(), customers, seats, mrr,
                    mrr.multiply(TWELVE).setScale(2, RoundingMode.HALF_UP), wonBack, unvalued, byCause, null);
        }
    }
}
