package io.lossreview.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds taxonomy terms in an analysed text and applies the negation rules:
 * <ul>
 *   <li>phrases first, longest wins, then keywords on the words no phrase took; a phrase may contain a negation
 *       ("not worth the money", "never got back"), which then negates nothing;</li>
 *   <li>a denial ("not", "don't", "never", "nothing", "no problem with") turns the cause words after it,
 *       within its clause and across filler words only, into evidence against their cause; after "don't" and
 *       "never" only when something links them ("didn't leave because of", "never had issues with", "never the"),
 *       since "doesn't integrate" and "never answers" are complaints;</li>
 *   <li>a cause word followed by an accepting word ("price was fine", "support we could live with") or by
 *       "not the problem" ("price wasn't the issue") is evidence against its cause too;</li>
 *   <li>a strong negative word next to a cause word ("support was awful") adds to it;</li>
 *   <li>what an account manager notes in passing ("Also mentioned: ...", "side note: ...") counts half ({@link InPassing}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class TextMatcher {

    static final double SENTIMENT_BONUS = 0.8;
    private static final int DENIAL_REACH = 5;
    private static final int ACCEPT_REACH = 4;
    private static final int SENTIMENT_REACH = 3;
    static final double IN_PASSING_FACTOR = 0.5;
    /** An article after "never"/"don't" shows a noun follows: "never the price", "didn't have any issues". */
    private static final Pattern ARTICLE = Pattern.compile("(?i)\\b(?:the|a|an|any|our|their|its|this|that)\\b");

    private final Lexicon lexicon;
    private final Cues cues;

    TextMatcher(Lexicon lexicon, Cues cues) {
        this.lexicon = lexicon;
        this.cues = cues;
    }

    /** A term found at tokens [from, to); the flags are settled by the rules after all terms are found. */
    private static final class Found {
        final Lexicon.Term term;
        final int from;
        final int to;
        boolean against;
        double bonus;

        Found(Lexicon.Term term, int from, int to) {
            this.term = term;
            this.from = from;
            this.to = to;
        }
    }

    List<Match> match(String text, List<Token> tokens) {
        List<Found> found = find(tokens);
        if (found.isEmpty()) {
            return List.of();
        }
        Found[] at = new Found[tokens.size()]; // first term covering each token
        for (Found f : found) {
            for (int i = f.from; i < f.to; i++) {
                at[i] = at[i] == null ? f : at[i];
            }
        }
        applyDenials(text, tokens, found, at);
        applyAcceptance(tokens, found, at);
        applySentiment(tokens, at);
        List<int[]> inPassing = InPassing.ranges(text);
        List<Match> matches = new ArrayList<>(found.size());
        for (Found f : found) {
            int start = tokens.get(f.from).start();
            String words = text.substring(start, tokens.get(f.to - 1).end());
            if (words.isBlank()) { // a mapped character ("$" read as "money") has no span of its own
                words = String.join(" ", f.term.terms());
            }
            double factor = inPassing.stream().anyMatch(r -> r[0] <= start && start < r[1]) ? IN_PASSING_FACTOR : 1;
            matches.add(new Match(f.term.cause(), (f.term.weight() + f.bonus) * factor, words, f.against));
        }
        return matches;
    }

    private List<Found> find(List<Token> tokens) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            List<Lexicon.Term> phrases = lexicon.longestPhrases(tokens, i);
            if (!phrases.isEmpty()) {
                int to = i + phrases.get(0).length();
                for (Lexicon.Term phrase : phrases) {
                    found.add(new Found(phrase, i, to));
                }
                i = to;
                continue;
            }
            for (Lexicon.Term keyword : lexicon.keywords(tokens.get(i).term())) {
                found.add(new Found(keyword, i, i + 1));
            }
            i++;
        }
        return found;
    }

    private void applyDenials(String text, List<Token> tokens, List<Found> found, Found[] at) {
        for (int p = 0; p < tokens.size(); p++) {
            String cue = tokens.get(p).term();
            if (at[p] != null || !cues.isDenial(cue)) {
                continue;
            }
            if (cue.equals("no") && !(p + 1 < tokens.size() && cues.noBefore.contains(tokens.get(p + 1).term()))) {
                continue;
            }
            int clause = tokens.get(p).clause();
            boolean linked = Cues.deniesNextWord(cue) || ARTICLE.matcher(text).region(tokens.get(p).end(),
                    p + 1 < tokens.size() ? tokens.get(p + 1).start() : text.length()).find();
            int j = p + 1;
            while (j < tokens.size() && j - p <= DENIAL_REACH && tokens.get(j).clause() == clause) {
                String term = tokens.get(j).term();
                if (at[j] != null) {
                    if (!linked) {
                        break; // "doesn't integrate", "never answers": a complaint, not a denial
                    }
                    int end = at[j].to;
                    markAgainst(found, j);
                    j = end;
                } else if (cues.denialLinks.contains(term) || cues.noBefore.contains(term)) {
                    linked = true;
                    j++;
                } else if (cues.denialAdverbs.contains(term)) {
                    j++;
                } else {
                    break;
                }
            }
        }
    }

    private void applyAcceptance(List<Token> tokens, List<Found> found, Found[] at) {
        for (Found f : found) {
            if (f.against) {
                continue;
            }
            int clause = tokens.get(f.from).clause();
            for (int j = f.to; j < tokens.size() && j - f.to < ACCEPT_REACH && tokens.get(j).clause() == clause; j++) {
                String term = tokens.get(j).term();
                if (at[j] != null) {
                    break;
                } else if (cues.accepting.contains(term)) {
                    f.against = true;
                    break;
                } else if (cues.isDenial(term)) {
                    f.against = notTheProblemAfter(tokens, j, clause);
                    break;
                } else if (!cues.acceptFillers.contains(term)) {
                    break;
                }
            }
        }
    }

    /** "wasn't the issue", "was never the main reason": the word right after the denial says it. */
    private boolean notTheProblemAfter(List<Token> tokens, int denial, int clause) {
        int next = denial + 1;
        return next < tokens.size() && tokens.get(next).clause() == clause
                && cues.notTheProblem.contains(tokens.get(next).term());
    }

    /** Looks only at the tokens around each strong word, so long texts stay linear. */
    private void applySentiment(List<Token> tokens, Found[] at) {
        for (int s = 0; s < tokens.size(); s++) {
            if (at[s] != null || !cues.sentiment.contains(tokens.get(s).term())) {
                continue;
            }
            int clause = tokens.get(s).clause();
            for (int distance = 1; distance <= SENTIMENT_REACH; distance++) {
                Found nearest = near(tokens, at, s - distance, clause);
                nearest = nearest != null ? nearest : near(tokens, at, s + distance, clause);
                if (nearest != null) {
                    nearest.bonus = SENTIMENT_BONUS;
                    break;
                }
            }
        }
    }

    private static Found near(List<Token> tokens, Found[] at, int i, int clause) {
        boolean usable = i >= 0 && i < tokens.size() && at[i] != null && !at[i].against && tokens.get(i).clause() == clause;
        return usable ? at[i] : null;
    }

    private static void markAgainst(List<Found> found, int token) {
        for (Found f : found) {
            if (f.from <= token && token < f.to) {
                f.against = true;
            }
        }
    }
}
