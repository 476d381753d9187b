package io.lossreview.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lossreview.contracts.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Corrupts a copy of a valid event so that it breaks exactly one contract rule, as a buggy connector would. The copy
 * gets its own CloudEvent id; it never counts in the expected figures.
 */
final class Malformer {

    enum Variant {
        NOT_JSON, MISSING_CUSTOMER_ID, NEGATIVE_AMOUNT, COMMA_AMOUNT, LOWERCASE_CURRENCY, UNKNOWN_CURRENCY,
        EFFECTIVE_BEFORE_CANCELLED, FUTURE_DATE, NPS_ELEVEN, UNKNOWN_TYPE, LONG_REASON
    }

    static final String UNKNOWN_TYPE = "billing.subscription-paused";
    static final int LONG_REASON_CHARS = 5000;
    /**
     * Far enough ahead that it is in the future whenever the stream is replayed (a fixed offset after the stream's
     * end would not be for a stream of long-past months), and still a valid RFC 3339 date-time.
     */
    static final Duration FUTURE = Duration.ofDays(36_525);

    private static final List<Variant> CANCELLED = List.of(Variant.NOT_JSON, Variant.MISSING_CUSTOMER_ID,
            Variant.NEGATIVE_AMOUNT, Variant.COMMA_AMOUNT, Variant.LOWERCASE_CURRENCY, Variant.UNKNOWN_CURRENCY,
            Variant.EFFECTIVE_BEFORE_CANCELLED, Variant.FUTURE_DATE, Variant.UNKNOWN_TYPE);
    private static final List<Variant> REACTIVATED = List.of(Variant.NOT_JSON, Variant.MISSING_CUSTOMER_ID,
            Variant.NEGATIVE_AMOUNT, Variant.COMMA_AMOUNT, Variant.LOWERCASE_CURRENCY, Variant.UNKNOWN_CURRENCY,
            Variant.FUTURE_DATE);
    /** Starts and changes: the amount and date rules of the other billing records. */
    private static final List<Variant> STARTED_OR_CHANGED = REACTIVATED;
    private static final List<Variant> CHURNED = List.of(Variant.NOT_JSON, Variant.MISSING_CUSTOMER_ID,
            Variant.NPS_ELEVEN, Variant.LONG_REASON, Variant.FUTURE_DATE);

    private Malformer() {
    }

    static List<Variant> variantsFor(String topic) {
        return switch (topic) {
            case Topics.BILLING_SUBSCRIPTION_CANCELLED -> CANCELLED;
            case Topics.BILLING_SUBSCRIPTION_REACTIVATED -> REACTIVATED;
            case Topics.CRM_ACCOUNT_CHURNED -> CHURNED;
            case Topics.BILLING_SUBSCRIPTION_STARTED, Topics.BILLING_SUBSCRIPTION_CHANGED -> STARTED_OR_CHANGED;
            default -> throw new IllegalArgumentException("no malformed variants for topic " + topic);
        };
    }

    static SimEvent corrupt(CloudEvents.Draft valid, Instant streamEnd, Rand r) {
        Variant variant = r.pick(variantsFor(valid.topic()));
        String id = r.uuid().toString();
        boolean binary = r.chance(CloudEvents.BINARY_SHARE);
        if (variant == Variant.NOT_JSON) {
            return notJson(new CloudEvents.Draft(valid.topic(), valid.key(), id, valid.source(), valid.type(), valid.subject(),
                    valid.time(), valid.dataJson(), binary), r);
        }
        ObjectNode data = valid.dataTree();
        String key = valid.key();
        String type = valid.type();
        String future = streamEnd.plus(FUTURE).toString();
        switch (variant) {
            case MISSING_CUSTOMER_ID -> {
                data.remove("customerId");
                key = null; // the connector had nothing to key it by, nor a subject
            }
            case NEGATIVE_AMOUNT -> money(data).put("amount", "-12.00");
            case COMMA_AMOUNT -> money(data).put("amount", "12,50");
            case LOWERCASE_CURRENCY -> {
                ObjectNode mrr = money(data);
                mrr.put("currency", mrr.path("currency").asText("USD").toLowerCase(Locale.ROOT));
            }
            case UNKNOWN_CURRENCY -> money(data).put("currency", "ABC");
            case EFFECTIVE_BEFORE_CANCELLED -> {
                Instant cancelledAt = Instant.parse(data.get("cancelledAt").asText());
                data.put("effectiveAt", cancelledAt.minus(r.seconds(Duration.ofHours(1), Duration.ofDays(5))).toString());
            }
            case FUTURE_DATE -> {
                switch (valid.topic()) {
                    case Topics.BILLING_SUBSCRIPTION_CANCELLED -> {
                        data.put("cancelledAt", future);
                        data.remove("effectiveAt"); // else effectiveAt < cancelledAt would be a second violation
                    }
                    case Topics.BILLING_SUBSCRIPTION_REACTIVATED -> data.put("reactivatedAt", future);
                    case Topics.BILLING_SUBSCRIPTION_STARTED -> data.put("startedAt", future);
                    case Topics.BILLING_SUBSCRIPTION_CHANGED -> data.put("changedAt", future);
                    default -> data.put("churnedAt", future);
                }
            }
            case NPS_ELEVEN -> data.put("lastNps", 11);
            case UNKNOWN_TYPE -> {
                Instant pausedAt = Instant.parse(data.get("cancelledAt").asText());
                for (String field : List.of("cancelledAt", "effectiveAt", "voluntary", "reasonCode", "comment", "lifetimeValue")) {
                    data.remove(field);
                }
                data.put("pausedAt", pausedAt.toString());
                data.put("resumesAt", pausedAt.plus(Duration.ofDays(30)).toString());
                type = UNKNOWN_TYPE;
            }
            case LONG_REASON -> data.put("statedReason", longReason(data.path("statedReason").asText("No reason given.")));
            default -> throw new IllegalStateException("unhandled variant " + variant);
        }
        return new CloudEvents.Draft(valid.topic(), key, id, valid.source(), type, key, valid.time(), CloudEvents.write(data), binary)
                .render(SimEvent.Kind.MALFORMED);
    }

    /** A cut-off body (connector crashed mid-write) or no JSON at all (a proxy's error page). */
    private static SimEvent notJson(CloudEvents.Draft d, Rand r) {
        SimEvent whole = d.render(SimEvent.Kind.MALFORMED);
        String value = r.chance(0.7)
                ? whole.value().substring(0, r.between(8, whole.value().length() - 2))
                : r.pick(List.of("<html><body><h1>502 Bad Gateway</h1></body></html>", "{'customerId': '" + d.key() + "'}",
                        "customer=" + d.key() + ";status=cancelled", "Internal Server Error"));
        return new SimEvent(whole.topic(), r.chance(0.5) ? null : whole.key(), whole.headers(), value, SimEvent.Kind.MALFORMED);
    }

    /** The record's mrr object; reactivations may have none, then one is added so the amount rules apply. */
    private static ObjectNode money(ObjectNode data) {
        if (data.get("mrr") instanceof ObjectNode mrr) {
            return mrr;
        }
        ObjectNode mrr = data.putObject("mrr");
        mrr.put("amount", "49.00");
        mrr.put("currency", "USD");
        return mrr;
    }

    private static String longReason(String base) {
        StringBuilder sb = new StringBuilder(LONG_REASON_CHARS + base.length());
        while (sb.length() < LONG_REASON_CHARS) {
            sb.append(base).append(' ');
        }
        return sb.substring(0, LONG_REASON_CHARS);
    }
}
