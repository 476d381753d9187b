package io.lossreview.ingest.kafka;

/** Channel names of churn-ingest's Kafka consumers (application.properties maps them to topics). */
public final class Channels {

    public static final String BILLING_CANCELLED = "billing-cancelled";
    public static final String BILLING_REACTIVATED = "billing-reactivated";
    public static final String CRM_CHURNED = "crm-churned";

    private Channels() {
    }
}
