package io.lossreview.analyzer.classify;

/**
 * One analysed word of a reason text.
 *
 * @param term   stemmed term, typo-corrected when {@code fuzzy}
 * @param start  offset of the word in the original text
 * @param end    end offset, exclusive
 * @param clause clause number: punctuation, "but", "however", "it was" start a new clause, and negation or
 *               phrases never reach across one
 * @param fuzzy  the word was taken for a close vocabulary word ("suport" for "support")
 */
record Token(String term, int start, int end, int clause, boolean fuzzy) {
}
