package io.lossreview.analyzer.classify;

/**
 * A reason text a human has already classified; the same or nearly the same text gets the same cause.
 *
 * @param text  the stated reason or comment as written
 * @param cause taxonomy cause code
 */
public record LabelledExample(String text, String cause) {
}
