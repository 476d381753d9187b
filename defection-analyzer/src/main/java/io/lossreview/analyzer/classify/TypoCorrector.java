package io.lossreview.analyzer.classify;

import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes a misspelt word of 6+ letters for the vocabulary word it is one edit from (two for words of 8+ letters), using Lucene's
 * Levenshtein automata with transpositions ("swithced" → "switched"). Only words the vocabulary does not know are
 * corrected, the first letter must match (people rarely mistype it), and a difference only in the last letter is
 * taken for a real word ("spent"/"spend", "closer"/"closed"), not a typo. Thread-safe; answers are cached.
 */
final class TypoCorrector implements TextTokenizer.Corrector {

    private static final int MIN_LENGTH = 6; // at 5 letters too many real words are one edit apart ("vague"/"value")
    private static final int TWO_EDITS_LENGTH = 8;
    private static final int CACHE_LIMIT = 50_000;
    private static final String NONE = "";

    /**
     * A vocabulary word with its automata for one and two edits (of the part after its first letter), built on first
     * use: most words are never a candidate, and building all of them would make construction slow.
     */
    private static final class Candidate {
        final String word;
        final String stem;
        private volatile CharacterRunAutomaton oneEdit;
        private volatile CharacterRunAutomaton twoEdits;

        Candidate(String word, String stem) {
            this.word = word;
            this.stem = stem;
        }

        /** Benign race: two threads may both build it, and either result is the same. */
        boolean within(int edits, String written) {
            CharacterRunAutomaton automaton = edits == 1 ? oneEdit : twoEdits;
            if (automaton == null) {
                automaton = new CharacterRunAutomaton(
                        new LevenshteinAutomata(word.substring(1), true).toAutomaton(edits, word.substring(0, 1)));
                if (edits == 1) {
                    oneEdit = automaton;
                } else {
                    twoEdits = automaton;
                }
            }
            return automaton.run(written);
        }
    }

    private final Set<String> knownStems;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** @param words vocabulary words (lower case, as written) with their stems */
    TypoCorrector(Map<String, String> words, Set<String> knownStems) {
        this.knownStems = Set.copyOf(knownStems);
        words.entrySet().stream()
                .filter(e -> e.getKey().length() >= MIN_LENGTH - 1 && e.getKey().chars().allMatch(Character::isLetter))
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(String::length).thenComparing(String::compareTo)))
                .forEach(e -> candidates.add(new Candidate(e.getKey(), e.getValue())));
    }

    /** Vocabulary: the taxonomy's words and the cue words (so "becuase" still reads as a filler). */
    static TypoCorrector of(Lexicon lexicon, TextTokenizer tokenizer) {
        Map<String, String> words = new HashMap<>(lexicon.words());
        Cues.allWords().forEach(word -> {
            List<String> stems = tokenizer.terms(word);
            if (stems.size() == 1) {
                words.putIfAbsent(word, stems.get(0));
            }
        });
        Set<String> known = new HashSet<>(lexicon.stems());
        known.addAll(words.values());
        return new TypoCorrector(words, known);
    }

    @Override
    public String correct(String stem, String written) {
        if (knownStems.contains(stem) || written.length() < MIN_LENGTH) {
            return null;
        }
        String cached = cache.get(written);
        if (cached == null) {
            cached = lookUp(written);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(written, cached);
            }
        }
        return cached.equals(NONE) ? null : cached;
    }

    private String lookUp(String written) {
        for (int c = 0; c < written.length(); c++) {
            if (!Character.isLetter(written.charAt(c))) {
                return NONE; // codes, numbers, "e-mail": not words to correct
            }
        }
        int maxEdits = written.length() >= TWO_EDITS_LENGTH ? 2 : 1;
        for (int edits = 1; edits <= maxEdits; edits++) {
            for (Candidate candidate : candidates) {
                if (Math.abs(candidate.word.length() - written.length()) <= edits
                        && candidate.word.charAt(0) == written.charAt(0)
                        && candidate.within(edits, written)
                        && !differsOnlyAtTheEnd(written, candidate.word)) {
                    return candidate.stem;
                }
            }
        }
        return NONE;
    }

    private static boolean differsOnlyAtTheEnd(String a, String b) {
        int common = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < common && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return prefix >= Math.max(a.length(), b.length()) - 1;
    }
}
