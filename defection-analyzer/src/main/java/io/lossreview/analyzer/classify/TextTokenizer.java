package io.lossreview.analyzer.classify;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Runs the analyzer over a text and splits the tokens into clauses. Thread-safe. */
final class TextTokenizer {

    /** Words that turn the sentence ("the price was ok, however support..."): a clause ends before them. */
    private static final Set<String> TURNING_WORDS = Set.of("howev", "though", "although", "instead", "rather",
            "except", "wherea", "yet");
    /** Punctuation, or stop words that turn the sentence ("not the price it was the support"), between two tokens. */
    private static final Pattern BOUNDARY_GAP = Pattern.compile(
            "[.,;:!?()\\[\\]\\n]|\\s[-\u2013\u2014]+\\s|\\bbut\\b|\\bit\\s*(?:was|is|'s)\\b", Pattern.CASE_INSENSITIVE);

    private final ReasonAnalyzer.ForText analyzers = new ReasonAnalyzer.ForText();

    /** Corrects a term the vocabulary does not know; see {@link TypoCorrector}. */
    interface Corrector {
        /** A vocabulary term for this unknown stem (written: the word as typed, lower-cased), or null to keep it. */
        String correct(String stem, String written);
    }

    /** Terms as the analyzer gives them, without clauses or typo correction: for taxonomy phrases and keywords. */
    List<String> terms(String text) {
        return tokens(text, null).stream().map(Token::term).toList();
    }

    /** Analysed tokens with clause numbers, typos corrected when a corrector is given. */
    List<Token> tokens(String text, Corrector corrector) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzers.of(text).tokenStream("reason", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int clause = 0;
            int previousEnd = -1;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                String stem = term.toString();
                if (previousEnd >= 0 && gapTurns(text, previousEnd, start)) {
                    clause++;
                }
                previousEnd = end;
                if (TURNING_WORDS.contains(stem)) {
                    clause++;
                    continue;
                }
                String corrected = corrector == null ? null
                        : corrector.correct(stem, text.substring(start, end).toLowerCase(Locale.ROOT));
                tokens.add(new Token(corrected == null ? stem : corrected, start, end, clause, corrected != null));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return tokens;
    }

    private static boolean gapTurns(String text, int from, int to) {
        return to - from > 1 && BOUNDARY_GAP.matcher(text).region(from, to).find();
    }
}
