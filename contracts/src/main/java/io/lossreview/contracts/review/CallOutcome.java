package io.lossreview.contracts.review;

public enum CallOutcome {
    REACHED, NOT_REACHED, DECLINED
}
