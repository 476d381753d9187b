package io.lossreview.contracts.review;

public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED
}
