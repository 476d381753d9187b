package io.lossreview.analyzer.kafka;

/** Incoming channel names (topics are set in application.properties). */
public final class Channels {

    public static final String DEFECTIONS = "defections";
    public static final String REVIEW = "review";

    private Channels() {
    }
}
