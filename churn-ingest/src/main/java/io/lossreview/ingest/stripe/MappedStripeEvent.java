package io.lossreview.ingest.stripe;

import java.time.Instant;
import java.util.Objects;

/**
 * A Stripe event translated into one of our inbound events, ready to be handled like any other inbound
 * CloudEvent.
 *
 * @param eventType  {@code billing.subscription-started}, {@code -changed} or {@code -cancelled}
 * @param eventId    Stripe's event id ({@code evt_...}); Stripe retries deliver the same id, so it dedupes
 * @param source     always {@link StripeEventMapper#SOURCE}
 * @param time       when Stripe created the event ({@code created})
 * @param customerId the Stripe customer id ({@code cus_...}), the event key
 * @param data       the contract record: {@code SubscriptionStarted}, {@code SubscriptionChanged} or {@code SubscriptionCancelled}
 */
public record MappedStripeEvent(String eventType, String eventId, String source, Instant time, String customerId,
                                Object data) {

    public MappedStripeEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(data, "data");
    }
}
