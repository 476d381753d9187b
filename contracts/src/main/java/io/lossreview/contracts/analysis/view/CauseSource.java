package io.lossreview.contracts.analysis.view;

/** Who decided a defection's cause. People's decisions are never overwritten by the classifier. */
public enum CauseSource {
    /** The classifier, under the month's taxonomy version. */
    CLASSIFIER,
    /** An ops person, through PUT /defections/{id}/cause. */
    MANUAL,
    /** An executive who reached the customer (loss.review call-completed). */
    CALL;

    public boolean human() {
        return this != CLASSIFIER;
    }
}
