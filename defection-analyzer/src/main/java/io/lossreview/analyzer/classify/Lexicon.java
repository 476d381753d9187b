package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.taxonomy.Cause;
import io.lossreview.analyzer.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy's phrases and keywords, analysed once into term sequences and indexed for matching. Phrases are
 * statements ("never got back to us") and weigh more than keywords, which name a topic ("outage", "mobile app"); a
 * phrase that analyses to a single term ("switched to" → "switch") only weighs as a keyword. An entry that analyses
 * to a bare negation ("can't do" → "cant") is dropped: it would match every "can't".
 */
final class Lexicon {

    static final double KEYWORD_WEIGHT = 1.2;
    static final double PHRASE_WEIGHT = 2.5;
    static final double EXTRA_TERM_WEIGHT = 0.25;
    static final double MAX_PHRASE_WEIGHT = 3.0;
    private static final Set<String> NEGATIONS = Set.of("not", "dont", "cant", "never", "no", "noth");

    /**
     * One matchable entry.
     *
     * @param cause index of the cause in the taxonomy
     * @param terms analysed terms, in order
     */
    record Term(int cause, List<String> terms, double weight) {
        int length() {
            return terms.size();
        }
    }

    private final Map<String, List<Term>> phrasesByFirstTerm = new HashMap<>();
    private final Map<String, List<Term>> keywords = new HashMap<>();
    /** Vocabulary words as written (lower case) with their stems, for typo correction. */
    private final Map<String, String> words = new HashMap<>();

    Lexicon(Taxonomy taxonomy, TextTokenizer tokenizer) {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < taxonomy.causes().size(); c++) {
            Cause cause = taxonomy.causes().get(c);
            for (String entry : concat(cause.phrases(), cause.keywords())) {
                List<String> terms = tokenizer.terms(entry);
                if (terms.isEmpty() || terms.size() == 1 && NEGATIONS.contains(terms.get(0)) || !seen.add(c + ":" + terms)) {
                    continue; // all stop words, a bare negation, or the same terms as another entry of this cause
                }
                boolean keyword = cause.keywords().contains(entry) && !cause.phrases().contains(entry);
                add(new Term(c, terms, keyword ? KEYWORD_WEIGHT : weight(terms.size())));
                learnWords(entry, tokenizer);
            }
        }
        phrasesByFirstTerm.values().forEach(list -> list.sort(Comparator.comparingInt(Term::length).reversed()));
    }

    /** The longest phrases starting at {@code from} that lie inside one clause (several if causes share it). */
    List<Term> longestPhrases(List<Token> tokens, int from) {
        List<Term> candidates = phrasesByFirstTerm.get(tokens.get(from).term());
        if (candidates == null) {
            return List.of();
        }
        List<Term> found = new ArrayList<>(1);
        for (Term phrase : candidates) {
            if (!found.isEmpty() && phrase.length() < found.get(0).length()) {
                break;
            }
            if (matchesAt(phrase, tokens, from)) {
                found.add(phrase);
            }
        }
        return found;
    }

    List<Term> keywords(String term) {
        return keywords.getOrDefault(term, List.of());
    }

    Map<String, String> words() {
        return words;
    }

    Set<String> stems() {
        Set<String> stems = new HashSet<>(words.values());
        stems.addAll(keywords.keySet());
        phrasesByFirstTerm.values().forEach(list -> list.forEach(t -> stems.addAll(t.terms())));
        return stems;
    }

    private static boolean matchesAt(Term phrase, List<Token> tokens, int from) {
        if (from + phrase.length() > tokens.size()) {
            return false;
        }
        int clause = tokens.get(from).clause();
        for (int i = 0; i < phrase.length(); i++) {
            Token token = tokens.get(from + i);
            if (token.clause() != clause || !token.term().equals(phrase.terms().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Indexed by length, not by origin: a multi-word keyword is matched like a phrase. */
    private void add(Term term) {
        if (term.length() == 1) {
            keywords.computeIfAbsent(term.terms().get(0), k -> new ArrayList<>()).add(term);
        } else {
            phrasesByFirstTerm.computeIfAbsent(term.terms().get(0), k -> new ArrayList<>()).add(term);
        }
    }

    private void learnWords(String entry, TextTokenizer tokenizer) {
        for (String word : entry.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            List<String> stems = tokenizer.terms(word);
            if (stems.size() == 1) {
                words.putIfAbsent(word, stems.get(0));
            }
        }
    }

    private static double weight(int terms) {
        return terms == 1 ? KEYWORD_WEIGHT : Math.min(MAX_PHRASE_WEIGHT, PHRASE_WEIGHT + EXTRA_TERM_WEIGHT * (terms - 2));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
