package io.lossreview.contracts.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Money;

import java.time.Instant;

/** Data of {@code billing.subscription-reactivated}: a cancelled subscription came back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // sources may add fields
public record SubscriptionReactivated(
        String customerId,
        String subscriptionId,
        @IsoString Instant reactivatedAt,
        Money mrr) {
}
