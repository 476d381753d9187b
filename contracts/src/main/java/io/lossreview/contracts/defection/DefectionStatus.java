package io.lossreview.contracts.defection;

public enum DefectionStatus {
    LOST, WON_BACK
}
