package io.lossreview.contracts.defection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Money;

import java.time.Instant;

/** One billing subscription of the lost customer, in its original currency. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelledSubscription(
        String subscriptionId,
        String plan,
        int seats,
        Money mrr,
        @IsoString Instant cancelledAt,
        @IsoString Instant effectiveAt) {
}
