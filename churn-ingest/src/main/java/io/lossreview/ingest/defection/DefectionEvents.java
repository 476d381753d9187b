package io.lossreview.ingest.defection;

import io.lossreview.common.time.BusinessCalendar;
import io.lossreview.contracts.ContractText;
import io.lossreview.contracts.defection.CancelledSubscription;
import io.lossreview.contracts.defection.CustomerProfile;
import io.lossreview.contracts.defection.DefectionChange;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.defection.EventOrigin;
import io.lossreview.contracts.defection.StatedReason;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The published view of a defection: what consumers of loss.defections see. */
public final class DefectionEvents {

    private DefectionEvents() {
    }

    public static DefectionChanged toEvent(Defection d, DefectionChange change, BusinessCalendar calendar, Instant now) {
        Instant lossAt = d.lossAt();
        LocalDate lossDate = calendar.date(lossAt);
        List<SubscriptionCancelled> subs = d.subscriptions.values().stream()
                .sorted(Comparator.comparing(SubscriptionCancelled::cancelledAt)).toList();
        AccountChurned crm = d.crm;
        LocalDate since = Valuation.customerSince(d);
        CustomerProfile profile = new CustomerProfile(
                crm == null ? null : crm.accountName(), crm == null ? null : crm.segment(),
                crm == null ? null : crm.region(), crm == null ? null : crm.industry(),
                crm == null ? null : crm.accountOwner(), since,
                since == null ? null : Valuation.tenureMonths(since, lossDate));
        StatedReason reason = new StatedReason(first(subs, SubscriptionCancelled::reasonCode),
                comments(subs), crm == null ? null : crm.reasonCode(),
                crm == null ? null : crm.statedReason(), crm == null ? null : crm.competitor());
        List<EventOrigin> sources = new ArrayList<>();
        if (d.hasBilling()) {
            sources.add(EventOrigin.BILLING);
        }
        if (crm != null) {
            sources.add(EventOrigin.CRM);
        }
        return new DefectionChanged(d.id.toString(), d.customerId, d.revision, change, d.status,
                calendar.month(lossAt), lossDate,
                subs.isEmpty() ? null : subs.get(0).cancelledAt(),
                d.hasBilling() ? lossAt : null,
                crm == null ? null : crm.churnedAt(),
                voluntary(subs),
                subs.stream().mapToInt(SubscriptionCancelled::seatsOrDefault).sum(),
                subs.stream().map(s -> new CancelledSubscription(s.subscriptionId(), s.plan(), s.seatsOrDefault(),
                        s.mrr(), s.cancelledAt(), s.effectiveAtOrDefault())).toList(),
                d.value, profile, reason,
                crm == null ? null : crm.lastNps(), crm == null ? null : crm.contact(),
                crm != null && crm.doNotContactOrDefault(), d.wonBackAt, sources, now);
    }

    /** Involuntary (payment failure) only when every billing cancellation of the episode was. */
    static boolean voluntary(List<SubscriptionCancelled> subs) {
        return subs.isEmpty() || subs.stream().anyMatch(SubscriptionCancelled::voluntaryOrDefault);
    }

    /**
     * Every distinct comment of the episode's cancellations, in time order, one a line: a customer who cancels two
     * subscriptions often explains on one and writes "same reason as the other one" on the other, and the first
     * by time alone would lose the reason. Cut at the contract's limit (code points).
     */
    static String comments(List<SubscriptionCancelled> subs) {
        List<String> distinct = subs.stream().map(SubscriptionCancelled::comment).filter(c -> c != null && !c.isBlank())
                .map(String::strip).distinct().toList();
        if (distinct.isEmpty()) {
            return null;
        }
        return ContractText.cut(String.join("\n", distinct));
    }

    private static String first(List<SubscriptionCancelled> subs, Function<SubscriptionCancelled, String> field) {
        return subs.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
