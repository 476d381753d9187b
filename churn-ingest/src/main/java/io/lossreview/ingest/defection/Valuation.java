package io.lossreview.ingest.defection;

import io.lossreview.contracts.Money;
import io.lossreview.contracts.defection.DefectionValue;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.ingest.fx.FxRates.Need;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values a defection in the reporting currency with the rates valid on its loss date:
 * MRR = sum of each subscription's MRR converted and rounded to the cent (half up), ARR = 12 x MRR,
 * lifetime value = the source's figure when it gives one, else MRR x whole months of tenure.
 * A currency without a rate leaves the value pending: never zero, never dropped.
 */
public final class Valuation {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private Valuation() {
    }

    public static DefectionValue value(Defection d, LocalDate lossDate, String reportingCurrency,
                                       Map<Need, BigDecimal> rates) {
        if (!d.hasBilling()) {
            return pending(reportingCurrency);
        }
        BigDecimal mrr = BigDecimal.ZERO.setScale(2);
        BigDecimal sourceLtv = null;
        for (SubscriptionCancelled s : d.subscriptions.values()) {
            Optional<BigDecimal> converted = convert(s.mrr(), lossDate, reportingCurrency, rates);
            if (converted.isEmpty()) {
                return pending(reportingCurrency);
            }
            mrr = mrr.add(converted.get());
            if (s.lifetimeValue() != null) {
                Optional<BigDecimal> ltv = convert(s.lifetimeValue(), lossDate, reportingCurrency, rates);
                if (ltv.isEmpty()) {
                    return pending(reportingCurrency);
                }
                sourceLtv = sourceLtv == null ? ltv.get() : sourceLtv.add(ltv.get());
            }
        }
        LocalDate since = customerSince(d);
        BigDecimal lifetimeValue = sourceLtv != null ? sourceLtv
                : since == null ? null : mrr.multiply(BigDecimal.valueOf(tenureMonths(since, lossDate)));
        return new DefectionValue(reportingCurrency, mrr, mrr.multiply(TWELVE), lifetimeValue, false);
    }

    /** Billing knows when the customer started paying; the CRM is the fallback. */
    public static LocalDate customerSince(Defection d) {
        return d.subscriptions.values().stream().map(SubscriptionCancelled::customerSince)
                .filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(d.crm == null ? null : d.crm.customerSince());
    }

    public static int tenureMonths(LocalDate since, LocalDate lossDate) {
        return (int) Math.max(0, Period.between(since, lossDate).toTotalMonths());
    }

    /** The (currency, date) pairs valuing this defection needs. */
    public static java.util.stream.Stream<Need> needs(Defection d, LocalDate lossDate, String reportingCurrency) {
        return d.subscriptions.values().stream()
                .flatMap(s -> java.util.stream.Stream.of(s.mrr(), s.lifetimeValue()))
                .filter(m -> m != null && !m.currency().equals(reportingCurrency))
                .map(m -> new Need(m.currency(), lossDate));
    }

    private static Optional<BigDecimal> convert(Money money, LocalDate date, String reportingCurrency,
                                                Map<Need, BigDecimal> rates) {
        if (money.currency().equals(reportingCurrency)) {
            return Optional.of(money.amount().setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal rate = rates.get(new Need(money.currency(), date));
        return rate == null ? Optional.empty()
                : Optional.of(money.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    private static DefectionValue pending(String reportingCurrency) {
        return new DefectionValue(reportingCurrency, null, null, null, true);
    }
}
