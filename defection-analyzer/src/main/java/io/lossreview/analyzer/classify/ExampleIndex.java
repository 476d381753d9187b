package io.lossreview.analyzer.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Texts humans already classified. A text whose analysed terms equal an example's gets its label; one whose term set
 * is nearly the same (Jaccard similarity at least {@value #NEAR_DUPLICATE}) gets it too, with less confidence. When
 * the same text was labelled twice, the later label wins (a correction). Immutable and thread-safe.
 */
final class ExampleIndex {

    static final double NEAR_DUPLICATE = 0.8;
    /** Below this many distinct terms one changed word moves the similarity too much to call it a near-duplicate. */
    private static final int MIN_TERMS = 4;

    /** @param similarity 1.0 for an exact match */
    record Hit(String cause, String text, double similarity) {
    }

    private record Example(String text, String cause, Set<String> terms) {
    }

    private final Map<String, Example> exact = new HashMap<>();
    private final List<Example> examples = new ArrayList<>();
    private final Map<String, List<Integer>> postings = new HashMap<>();
    /** @param analyse the terms of a text, exactly as the classifier analyses its input */
    ExampleIndex(Collection<LabelledExample> labelled, Function<String, List<String>> analyse) {
        for (LabelledExample example : labelled) {
            List<String> terms = analyse.apply(example.text());
            if (terms.isEmpty() || example.cause() == null) {
                continue;
            }
            Example e = new Example(example.text(), example.cause(), new LinkedHashSet<>(terms));
            exact.put(String.join(" ", terms), e);
            int id = examples.size();
            examples.add(e);
            for (String term : e.terms()) {
                postings.computeIfAbsent(term, k -> new ArrayList<>()).add(id);
            }
        }
    }

    boolean isEmpty() {
        return examples.isEmpty();
    }

    /** The best example for any of these analysed texts (empty ones skipped). */
    Optional<Hit> find(List<List<String>> texts) {
        Hit best = null;
        for (List<String> terms : texts) {
            Hit hit = findOne(terms);
            if (hit != null && (best == null || hit.similarity() > best.similarity())) {
                best = hit;
            }
        }
        return Optional.ofNullable(best);
    }

    private Hit findOne(List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        Example same = exact.get(String.join(" ", terms));
        if (same != null) {
            return new Hit(same.cause(), same.text(), 1.0);
        }
        Set<String> mine = new LinkedHashSet<>(terms);
        if (mine.size() < MIN_TERMS) {
            return null;
        }
        Map<Integer, Integer> shared = new HashMap<>();
        for (String term : mine) {
            for (int id : postings.getOrDefault(term, List.of())) {
                shared.merge(id, 1, Integer::sum);
            }
        }
        Hit best = null;
        int bestId = -1;
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
            Example example = examples.get(e.getKey());
            int common = e.getValue();
            double jaccard = (double) common / (mine.size() + example.terms().size() - common);
            boolean better = best == null || jaccard > best.similarity()
                    || jaccard == best.similarity() && e.getKey() > bestId; // the later label wins
            if (jaccard >= NEAR_DUPLICATE && example.terms().size() >= MIN_TERMS && better) {
                best = new Hit(example.cause(), example.text(), jaccard);
                bestId = e.getKey();
            }
        }
        return best;
    }
}
