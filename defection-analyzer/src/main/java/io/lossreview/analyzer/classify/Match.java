package io.lossreview.analyzer.classify;

/**
 * A taxonomy term found in a text.
 *
 * @param cause   index of the cause in the taxonomy
 * @param weight  evidence weight, including the bonus of a strong word next to it ("awful")
 * @param words   the words as written
 * @param against the text denies this cause ("not the price", "price was fine"): evidence against it
 */
record Match(int cause, double weight, String words, boolean against) {
}
