package io.lossreview.analyzer.classify;

import io.lossreview.contracts.analysis.view.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Evidence weights per cause (taxonomy index) gathered for one classification. Not thread-safe: one per call. */
final class Scores {

    final double[] codes;
    final double[] text;
    final double[] against;
    final List<Set<String>> words = new ArrayList<>();
    final List<Set<String>> deniedWords = new ArrayList<>();
    final List<Evidence> structured = new ArrayList<>();

    Scores(int causes) {
        codes = new double[causes];
        text = new double[causes];
        against = new double[causes];
        for (int c = 0; c < causes; c++) {
            words.add(new LinkedHashSet<>());
            deniedWords.add(new LinkedHashSet<>());
        }
    }

    /** The same words twice (in the comment and in the CRM notes) count once. */
    void add(Match match) {
        String key = match.words().toLowerCase(Locale.ROOT);
        if (match.against()) {
            if (deniedWords.get(match.cause()).add(key)) {
                against[match.cause()] += match.weight();
            }
        } else if (words.get(match.cause()).add(key)) {
            text[match.cause()] += match.weight();
        }
    }

    void addCodeEvidence(String detail) {
        structured.add(new Evidence(Evidence.REASON_CODE, detail));
    }

    /** The text speaks against the cause more than for it. */
    boolean denied(int cause) {
        return against[cause] > text[cause];
    }
}
