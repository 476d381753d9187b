package io.lossreview.contracts;

import io.lossreview.contracts.analysis.MonthAnalyzed;
import io.lossreview.contracts.base.MonthBase;
import io.lossreview.contracts.defection.DefectionChanged;
import io.lossreview.contracts.inbound.AccountChurned;
import io.lossreview.contracts.inbound.SubscriptionCancelled;
import io.lossreview.contracts.inbound.SubscriptionChanged;
import io.lossreview.contracts.inbound.SubscriptionReactivated;
import io.lossreview.contracts.inbound.SubscriptionStarted;
import io.lossreview.contracts.rejection.EventRejected;
import io.lossreview.contracts.review.ActionChanged;
import io.lossreview.contracts.review.CallAssigned;
import io.lossreview.contracts.review.CallCompleted;
import io.lossreview.contracts.review.PacketPublished;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** CloudEvent {@code type} values, and for each: topic, data record, data schema and the data field used as Kafka key. */
public final class EventTypes {

    // Inbound: type == topic name.
    public static final String SUBSCRIPTION_STARTED = "billing.subscription-started";
    public static final String SUBSCRIPTION_CHANGED = "billing.subscription-changed";
    public static final String SUBSCRIPTION_CANCELLED = "billing.subscription-cancelled";
    public static final String SUBSCRIPTION_REACTIVATED = "billing.subscription-reactivated";
    public static final String ACCOUNT_CHURNED = "crm.account-churned";

    // Outbound.
    public static final String DEFECTION_CHANGED = "loss.defection-changed";
    public static final String EVENT_REJECTED = "loss.event-rejected";
    public static final String MONTH_ANALYZED = "loss.month-analyzed";
    public static final String MONTH_BASE_MEASURED = "loss.month-base-measured";
    public static final String PACKET_PUBLISHED = "loss.packet-published";
    public static final String CALL_ASSIGNED = "loss.call-assigned";
    public static final String CALL_COMPLETED = "loss.call-completed";
    public static final String ACTION_CHANGED = "loss.action-changed";

    private record Spec(String topic, Class<?> dataClass, String keyField, boolean inbound) {
    }

    private static final Map<String, Spec> SPECS = specs();

    private EventTypes() {
    }

    private static Map<String, Spec> specs() {
        Map<String, Spec> m = new LinkedHashMap<>();
        m.put(SUBSCRIPTION_STARTED, new Spec(Topics.BILLING_SUBSCRIPTION_STARTED, SubscriptionStarted.class, "customerId", true));
        m.put(SUBSCRIPTION_CHANGED, new Spec(Topics.BILLING_SUBSCRIPTION_CHANGED, SubscriptionChanged.class, "customerId", true));
        m.put(SUBSCRIPTION_CANCELLED, new Spec(Topics.BILLING_SUBSCRIPTION_CANCELLED, SubscriptionCancelled.class, "customerId", true));
        m.put(SUBSCRIPTION_REACTIVATED, new Spec(Topics.BILLING_SUBSCRIPTION_REACTIVATED, SubscriptionReactivated.class, "customerId", true));
        m.put(ACCOUNT_CHURNED, new Spec(Topics.CRM_ACCOUNT_CHURNED, AccountChurned.class, "customerId", true));
        m.put(DEFECTION_CHANGED, new Spec(Topics.LOSS_DEFECTIONS, DefectionChanged.class, "customerId", false));
        // Unparseable events have no customerId: the producer then sends a null key.
        m.put(EVENT_REJECTED, new Spec(Topics.LOSS_REJECTED, EventRejected.class, "customerId", false));
        m.put(MONTH_BASE_MEASURED, new Spec(Topics.LOSS_BASE, MonthBase.class, "month", false));
        m.put(MONTH_ANALYZED, new Spec(Topics.LOSS_ANALYSIS, MonthAnalyzed.class, "month", false));
        m.put(PACKET_PUBLISHED, new Spec(Topics.LOSS_REVIEW, PacketPublished.class, "month", false));
        m.put(CALL_ASSIGNED, new Spec(Topics.LOSS_REVIEW, CallAssigned.class, "customerId", false));
        m.put(CALL_COMPLETED, new Spec(Topics.LOSS_REVIEW, CallCompleted.class, "customerId", false));
        m.put(ACTION_CHANGED, new Spec(Topics.LOSS_REVIEW, ActionChanged.class, "actionId", false));
        return Collections.unmodifiableMap(m);
    }

    /** All types, inbound first. */
    public static Set<String> all() {
        return SPECS.keySet();
    }

    /** Types produced by billing/CRM systems: their schemas tolerate extra fields. */
    public static Set<String> inbound() {
        Set<String> inbound = new LinkedHashSet<>();
        SPECS.forEach((type, spec) -> {
            if (spec.inbound()) {
                inbound.add(type);
            }
        });
        return Collections.unmodifiableSet(inbound);
    }

    public static boolean isKnown(String type) {
        return type != null && SPECS.containsKey(type);
    }

    /** type → topic it is published on. */
    public static Map<String, String> topics() {
        return view((type, spec) -> spec.topic());
    }

    /** type → schema file name under {@code schemas/} on the classpath. */
    public static Map<String, String> schemaFiles() {
        return view((type, spec) -> schemaFileOf(type));
    }

    /** type → record class of its {@code data}. */
    public static Map<String, Class<?>> dataClasses() {
        return view((type, spec) -> spec.dataClass());
    }

    /** type → name of the data field whose value is the Kafka record key (and the CloudEvent subject). */
    public static Map<String, String> keyFields() {
        return view((type, spec) -> spec.keyField());
    }

    public static String topicOf(String type) {
        return spec(type).topic();
    }

    public static String schemaFileOf(String type) {
        spec(type);
        return type + ".schema.json";
    }

    public static Class<?> dataClassOf(String type) {
        return spec(type).dataClass();
    }

    public static String keyFieldOf(String type) {
        return spec(type).keyField();
    }

    private static Spec spec(String type) {
        Spec spec = type == null ? null : SPECS.get(type);
        if (spec == null) {
            throw new IllegalArgumentException("unknown event type: " + type);
        }
        return spec;
    }

    private static <V> Map<String, V> view(BiFunction<String, Spec, V> value) {
        Map<String, V> m = new LinkedHashMap<>();
        SPECS.forEach((type, spec) -> m.put(type, value.apply(type, spec)));
        return Collections.unmodifiableMap(m);
    }
}
