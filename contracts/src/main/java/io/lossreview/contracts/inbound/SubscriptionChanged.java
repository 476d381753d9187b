package io.lossreview.contracts.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Money;

import java.time.Instant;

/**
 * Data of {@code billing.subscription-changed}: an active subscription's price changed (another plan,
 * more or fewer seats, another interval), from {@code changedAt} on. {@code mrr} is the new monthly
 * amount; plan and seats stay as they were when absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // sources may add fields
public record SubscriptionChanged(
        String customerId,
        String subscriptionId,
        String plan,
        Integer seats,
        Money mrr,
        @IsoString Instant changedAt) {
}
