package io.lossreview.analyzer.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.learned.Corpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** A text without "not" skips the negation patterns: its tokens and offsets must be exactly what the full chain gives. */
class ReasonAnalyzerTest {

    private final Analyzer full = new ReasonAnalyzer(true);
    private final ReasonAnalyzer.ForText forText = new ReasonAnalyzer.ForText();

    @Test
    void theShortcutGivesTheFullChainsTokensOnEveryTrainingText() throws IOException {
        List<String> texts = new ArrayList<>(List.of("We do NOT need it", "could \t not log in", "DiD nOt work",
                "it didn\u2019t sync & we can not wait", "w/o support b/c $$$", "notes", "", "cannot", "Do\nnot"));
        Corpus.rows(Corpus.Split.TRAIN).forEach(r -> Stream.of(r.input().statedReason(), r.input().billingComment())
                .filter(t -> t != null).forEach(texts::add));
        int skipped = 0;
        for (String text : texts) {
            assertEquals(tokens(full, text), tokens(forText.of(text), text), text);
            skipped += ReasonAnalyzer.mayNegate(text) ? 0 : 1;
        }
        assertTrue(skipped > texts.size() / 2, "most texts take the shortcut: " + skipped + " of " + texts.size());
    }

    @Test
    void anyCaseOfNotTakesTheFullChain() {
        for (String text : List.of("not", "NOT", "Not", "does nOT", "knot")) {
            assertTrue(ReasonAnalyzer.mayNegate(text), text);
        }
        for (String text : List.of("", "no", "nо t", "n o t", "price")) { // the second has a Cyrillic "о"
            assertFalse(ReasonAnalyzer.mayNegate(text), text);
        }
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("reason", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        }
        return tokens;
    }
}
