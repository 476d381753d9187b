package io.lossreview.ingest.stripe;

import io.lossreview.common.error.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import io.lossreview.contracts.ContractText;
import io.lossreview.contracts.EventTypes;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionStarted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Translates a Stripe event (Stripe's own JSON, not a CloudEvent) into our inbound events:
 * <ul>
 * <li>{@code customer.subscription.deleted} (the subscription ended) → {@code billing.subscription-cancelled};</li>
 * <li>{@code customer.subscription.created} → {@code billing.subscription-started}: a new subscription in the
 * customer's ledger (for a customer lost shortly before, also the win-back: ingest matches starts with losses);</li>
 * <li>{@code customer.subscription.updated} whose {@code previous_attributes} show a price change (items,
 * quantity, plan or price) → {@code billing.subscription-changed} with the new seats, MRR and plan, at the event's
 * {@code created}; any other update (status, metadata, a scheduled cancellation) is not a change of price;</li>
 * <li>any other type → empty: the caller acknowledges it, so Stripe stops retrying it.</li>
 * </ul>
 * Fields come from the Subscription object in {@code data.object}: {@code customer} (an id, or an expanded customer
 * with an {@code id}), {@code id}, {@code items.data[]} (seats, MRR and plan, see {@link StripePricing}),
 * {@code canceled_at}, {@code ended_at}/{@code cancel_at}, {@code start_date} and {@code cancellation_details}.
 * {@code customerSince} is the UTC date of {@code start_date}: Stripe's event carries no customer creation date and
 * the subscription's start (which honours backdating) is the best proxy available.
 * A missing required piece is a VALIDATION problem naming its JSON pointer in the Stripe payload, rule
 * {@code required}.
 */
@ApplicationScoped
public class StripeEventMapper {

    public static final String SOURCE = "/stripe";
    public static final String SUBSCRIPTION_DELETED = "customer.subscription.deleted";
    public static final String SUBSCRIPTION_CREATED = "customer.subscription.created";
    public static final String SUBSCRIPTION_UPDATED = "customer.subscription.updated";
    /** Fields of previous_attributes that mean the price changed. */
    private static final List<String> PRICE_FIELDS = List.of("items", "quantity", "plan", "price");
    /** The cancellation reason Stripe sets when a subscription ended because payments failed. */
    public static final String PAYMENT_FAILED = "payment_failed";

    public Optional<MappedStripeEvent> map(JsonNode stripeEvent) {
        if (stripeEvent == null || !stripeEvent.isObject()) {
            throw new InvalidInput("", StripeJson.TYPE, "A Stripe event must be a JSON object");
        }
        StripeJson event = StripeJson.root(stripeEvent);
        String type = event.get("type").requiredText();
        if (!SUBSCRIPTION_DELETED.equals(type) && !SUBSCRIPTION_CREATED.equals(type) && !SUBSCRIPTION_UPDATED.equals(type)) {
            return Optional.empty();
        }
        if (SUBSCRIPTION_UPDATED.equals(type) && !priceChanged(event.get("data").get("previous_attributes"))) {
            return Optional.empty();
        }
        String eventId = event.get("id").requiredText();
        Instant time = event.get("created").requiredInstant();
        StripeJson subscription = event.get("data").get("object").requiredObject();
        StripeJson objectType = subscription.get("object");
        if (!objectType.absent() && !"subscription".equals(objectType.text())) {
            throw new InvalidInput(objectType.pointer(), "const", objectType.pointer()
                    + " must be \"subscription\" for a " + type + " event");
        }

        String customerId = customerId(subscription.get("customer"));
        String subscriptionId = subscription.get("id").requiredText();
        StripePricing.Summary pricing = StripePricing.of(subscription);

        if (SUBSCRIPTION_DELETED.equals(type)) {
            return Optional.of(new MappedStripeEvent(EventTypes.SUBSCRIPTION_CANCELLED, eventId, SOURCE, time,
                    customerId, cancelled(subscription, customerId, subscriptionId, pricing)));
        }
        if (SUBSCRIPTION_UPDATED.equals(type)) {
            return Optional.of(new MappedStripeEvent(EventTypes.SUBSCRIPTION_CHANGED, eventId, SOURCE, time, customerId,
                    new SubscriptionChanged(customerId, subscriptionId, pricing.plan(), pricing.seats(), pricing.mrr(), time)));
        }
        StripeJson startDate = subscription.get("start_date");
        Instant startedAt = firstNonNull(startDate.instant(), subscription.get("created").instant());
        if (startedAt == null) {
            throw startDate.required();
        }
        return Optional.of(new MappedStripeEvent(EventTypes.SUBSCRIPTION_STARTED, eventId, SOURCE, time, customerId,
                new SubscriptionStarted(customerId, subscriptionId, pricing.plan(), pricing.seats(), pricing.mrr(), startedAt)));
    }

    private static boolean priceChanged(StripeJson previous) {
        if (previous.absent() || !previous.node().isObject()) {
            return false;
        }
        return PRICE_FIELDS.stream().anyMatch(field -> previous.node().has(field));
    }

    private static SubscriptionCancelled cancelled(StripeJson subscription, String customerId, String subscriptionId,
                                                   StripePricing.Summary pricing) {
        Instant cancelledAt = subscription.get("canceled_at").requiredInstant();
        Instant effectiveAt = firstNonNull(subscription.get("ended_at").instant(),
                subscription.get("cancel_at").instant(), cancelledAt);
        StripeJson details = subscription.get("cancellation_details");
        if (!details.absent()) {
            details.requiredObject();
        }
        String reasonCode = details.get("feedback").textOrNull();
        // a long comment is kept inside the contract rather than losing the whole cancellation over it
        String comment = ContractText.cut(details.get("comment").textOrNull());
        boolean voluntary = !PAYMENT_FAILED.equals(details.get("reason").textOrNull());
        Instant start = subscription.get("start_date").instant();
        LocalDate customerSince = start == null ? null : LocalDate.ofInstant(start, ZoneOffset.UTC);
        return new SubscriptionCancelled(customerId, subscriptionId, pricing.plan(), pricing.seats(), pricing.mrr(),
                cancelledAt, effectiveAt, voluntary, reasonCode, comment, customerSince, null);
    }

    /** {@code customer} is the customer's id, or the customer object itself when the event was expanded. */
    private static String customerId(StripeJson customer) {
        if (!customer.absent() && customer.node().isObject()) {
            return customer.get("id").requiredText();
        }
        return customer.requiredText();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
