package io.lossreview.analyzer.defection;

import io.lossreview.contracts.defection.CancelledSubscription;
import io.lossreview.contracts.defection.DefectionChanged;
import java.util.Comparator;
import java.util.List;

/** The buckets a defection is broken down by; "UNKNOWN" where the sources did not say. */
public final class Dimensions {

    public static final String UNKNOWN = "UNKNOWN";
    /** Tenure bands, in order; the upper bound of each in whole months (exclusive). */
    public static final List<String> TENURE_BANDS = List.of("0-6m", "6-12m", "1-2y", "2-5y", "5y+", UNKNOWN);

    private Dimensions() {
    }

    public static String segment(DefectionChanged d) {
        return d.customer() == null || d.customer().segment() == null ? UNKNOWN : d.customer().segment().name();
    }

    public static String region(DefectionChanged d) {
        return d.customer() == null || blank(d.customer().region()) ? UNKNOWN : d.customer().region();
    }

    /** A customer with several subscriptions is filed under the plan of the most valuable one. */
    public static String plan(DefectionChanged d) {
        List<CancelledSubscription> subs = d.subscriptions() == null ? List.of() : d.subscriptions();
        return subs.stream().filter(s -> !blank(s.plan()))
                .max(Comparator.comparing((CancelledSubscription s) -> s.mrr() == null ? java.math.BigDecimal.ZERO : s.mrr().amount())
                        .thenComparing(CancelledSubscription::subscriptionId, Comparator.reverseOrder()))
                .map(CancelledSubscription::plan).orElse(UNKNOWN);
    }

    public static String tenureBand(DefectionChanged d) {
        Integer months = d.customer() == null ? null : d.customer().tenureMonths();
        return tenureBand(months);
    }

    public static String tenureBand(Integer months) {
        if (months == null) {
            return UNKNOWN;
        }
        return months < 6 ? "0-6m" : months < 12 ? "6-12m" : months < 24 ? "1-2y" : months < 60 ? "2-5y" : "5y+";
    }

    public static String voluntary(boolean voluntary) {
        return voluntary ? "VOLUNTARY" : "INVOLUNTARY";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
