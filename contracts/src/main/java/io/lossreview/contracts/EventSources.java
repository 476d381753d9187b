package io.lossreview.contracts;

/** CloudEvent {@code source} values of our own producers. */
public final class EventSources {

    public static final String CHURN_INGEST = "/loss-review/churn-ingest";
    public static final String DEFECTION_ANALYZER = "/loss-review/defection-analyzer";
    public static final String REVIEW_SCHEDULER = "/loss-review/review-scheduler";
    public static final String API_GATEWAY = "/loss-review/api-gateway";

    private EventSources() {
    }
}
