package io.lossreview.contracts.review;

public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    /** Still to be done: OPEN or IN_PROGRESS. */
    public boolean open() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
