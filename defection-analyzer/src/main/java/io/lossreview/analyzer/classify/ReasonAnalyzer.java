package io.lossreview.analyzer.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * EnglishAnalyzer's chain tuned for churn reasons: the stop set keeps the negation words (EnglishAnalyzer drops "no"
 * and "not", which would turn "not the price" into "price"), negated auxiliaries become one of three tokens
 * (see {@link NegationFormFilter}), and currency signs read as "money" ("$$$"). Thread-safe like every Analyzer:
 * token streams are reused per thread.
 */
final class ReasonAnalyzer extends Analyzer {

    /** The analyzer for a text: spelling out "do not" and "can not" costs two regex scans, and needs a "not". */
    static final class ForText {
        private final ReasonAnalyzer withNot = new ReasonAnalyzer(true);
        private final ReasonAnalyzer withoutNot = new ReasonAnalyzer(false);

        Analyzer of(String text) {
            return mayNegate(text) ? withNot : withoutNot;
        }
    }

    /** Lucene's English stop words minus no/not, plus pronouns (also contracted) and chat filler that carry no cause. */
    static final CharArraySet STOP_WORDS = stopWords();

    /** Words Porter would merge with a word of another cause: "unusable" (quality) and "unused" (no longer needed). */
    static final CharArraySet STEM_EXCLUSIONS = CharArraySet.unmodifiableSet(new CharArraySet(List.of("unusable"), true));

    private static final NormalizeCharMap CHARS = charMap();
    // Spelled-out forms of the contractions, so "does not support" and "doesn't support" give the same tokens.
    private static final Pattern DO_NOT = Pattern.compile("(?i)\\b(?:do|does|did)\\s+not\\b");
    private static final Pattern CAN_NOT = Pattern.compile("(?i)\\b(?:can|could)\\s+not\\b");

    /**
     * Off only for texts the two patterns cannot match: both need a "not" (in any ASCII case), and the mapped
     * characters never make one.
     */
    private final boolean spellsOutNegations;

    ReasonAnalyzer(boolean spellsOutNegations) {
        this.spellsOutNegations = spellsOutNegations;
    }

    static boolean mayNegate(String text) {
        for (int i = text.length() - 3; i >= 0; i--) {
            if (text.regionMatches(true, i, "not", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        Reader mapped = new MappingCharFilter(CHARS, reader);
        return spellsOutNegations
                ? new PatternReplaceCharFilter(CAN_NOT, "cant", new PatternReplaceCharFilter(DO_NOT, "dont", mapped))
                : mapped;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new NegationFormFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SetKeywordMarkerFilter(stream, STEM_EXCLUSIONS);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(64, true);
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) { // CharArraySet does not support remove()
            String w = new String((char[]) word);
            if (!w.equals("no") && !w.equals("not")) {
                set.add(w);
            }
        }
        set.addAll(List.of("i", "me", "my", "we", "our", "ours", "us", "you", "your", "he", "him", "his", "she", "her",
                "its", "them", "those", "am", "were", "been", "being", "do", "does", "did", "so", "very", "also", "just",
                "w", "tbh", "imo", "fyi", "btw", "pls", "thx", "lol", "tho", "s", "t",
                "we're", "they're", "i'm", "you're", "we've", "they've", "i've", "we'd", "they'd", "i'd", "we'll",
                "they'll", "i'll", "it'll", "that's", "there's"));
        return CharArraySet.unmodifiableSet(set);
    }

    private static NormalizeCharMap charMap() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("\u2019", "'"); // typographic apostrophe, as phones type it
        map.add("\u2018", "'");
        map.add("$", " money ");
        map.add("\u20ac", " money ");
        map.add("\u00a3", " money ");
        map.add("w/o", " without ");
        map.add("b/c", " because ");
        map.add("&", " and ");
        return map.build();
    }
}
