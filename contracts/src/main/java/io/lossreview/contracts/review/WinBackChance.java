package io.lossreview.contracts.review;

public enum WinBackChance {
    NONE, LOW, MEDIUM, HIGH
}
