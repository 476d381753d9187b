package io.lossreview.contracts.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Money;

import java.time.Instant;

/**
 * Data of {@code billing.subscription-started}: a customer began paying for a subscription. With the
 * changes and cancellations it is the subscription ledger churn-ingest keeps, which tells a lost
 * customer (no active subscription left) from a contraction, and counts the customer base.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // sources may add fields
public record SubscriptionStarted(
        String customerId,
        String subscriptionId,
        String plan,
        Integer seats,
        Money mrr,
        @IsoString Instant startedAt) {

    public int seatsOrDefault() {
        return seats == null ? SubscriptionCancelled.DEFAULT_SEATS : seats;
    }
}
