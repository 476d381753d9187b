package io.lossreview.scheduler.packet.model;

/** Section 2: an emerging or growing cause and why it was flagged, in words. */
public record EmergingLine(String cause, String label, int count, String explanation) {
}
