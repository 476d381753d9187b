package io.lossreview.contracts.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.lossreview.contracts.IsoString;
import io.lossreview.contracts.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@code billing.subscription-cancelled}. Optional fields stay null when absent so the record mirrors the
 * source payload exactly; use the {@code ...OrDefault()} methods for the documented defaults.
 *
 * @param reasonCode cancel-flow code, free string (Stripe feedback values such as "too_expensive" arrive as-is)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // sources may add fields
public record SubscriptionCancelled(
        String customerId,
        String subscriptionId,
        String plan,
        Integer seats,
        Money mrr,
        @IsoString Instant cancelledAt,
        @IsoString Instant effectiveAt,
        Boolean voluntary,
        String reasonCode,
        String comment,
        @IsoString LocalDate customerSince,
        Money lifetimeValue) {

    public static final int DEFAULT_SEATS = 1;

    public int seatsOrDefault() {
        return seats == null ? DEFAULT_SEATS : seats;
    }

    /** When service ends; defaults to the cancellation instant. */
    public Instant effectiveAtOrDefault() {
        return effectiveAt == null ? cancelledAt : effectiveAt;
    }

    /** False means the subscription lapsed on payment failure; absent means voluntary. */
    public boolean voluntaryOrDefault() {
        return voluntary == null || voluntary;
    }
}
