package io.lossreview.ingest.ledger;

import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import io.lossreview.contracts.inbound.SubscriptionStarted;
import io.lossreview.ingest.inbound.InboundEvent;
import io.lossreview.ingest.ledger.LedgerEntry.Kind;

/** The ledger fact each billing event states. */
public final class LedgerEntries {

    private LedgerEntries() {
    }

    public static LedgerEntry of(InboundEvent e, SubscriptionStarted s) {
        return new LedgerEntry(s.customerId(), s.subscriptionId(), s.startedAt(), Kind.START, s.mrr(), s.seatsOrDefault(),
                s.plan(), null, null, null, e.source(), e.id(), null);
    }

    public static LedgerEntry of(InboundEvent e, SubscriptionChanged s) {
        return new LedgerEntry(s.customerId(), s.subscriptionId(), s.changedAt(), Kind.CHANGE, s.mrr(), s.seats(),
                s.plan(), null, null, null, e.source(), e.id(), null);
    }

    /** The subscription ends when service ends (effectiveAt), not when the customer asked; voluntary says why. */
    public static LedgerEntry of(InboundEvent e, SubscriptionCancelled s) {
        return new LedgerEntry(s.customerId(), s.subscriptionId(), s.effectiveAtOrDefault(), Kind.END, s.mrr(),
                s.seatsOrDefault(), s.plan(), null, null, s.voluntary(), e.source(), e.id(), null);
    }

    public static LedgerEntry of(InboundEvent e, SubscriptionReactivated s) {
        return new LedgerEntry(s.customerId(), s.subscriptionId(), s.reactivatedAt(), Kind.REACTIVATE, s.mrr(), null,
                null, null, null, null, e.source(), e.id(), null);
    }
}
