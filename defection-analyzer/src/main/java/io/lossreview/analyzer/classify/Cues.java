package io.lossreview.analyzer.classify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The small closed word lists the matching rules use, beside the taxonomy's open ones. Written as plain words and
 * stemmed by the same analyzer, so they match whatever the analyzer makes of a text.
 */
final class Cues {

    /** Words that deny what follows: "not the price", "wasn't about support", "nothing to do with the product". */
    static final List<String> DENIALS = List.of("not", "don't", "never", "nothing");
    /** "no" denies only before these: "no problem with the price" (but "no reply" is a complaint). */
    static final List<String> NO_BEFORE = List.of("problem", "problems", "issue", "issues", "complaint", "complaints",
            "concern", "concerns");
    /**
     * Link a denial to the cause it denies: "wasn't about the price", "didn't leave because of support", "never had
     * issues with the app". After "don't" and "never" a cause word needs such a link (or an article, "never the
     * price"): right after them it is the verb they negate, a complaint ("doesn't integrate", "never answers").
     */
    static final List<String> DENIAL_LINKS = List.of("about", "because", "cause", "bc", "had", "issue", "issues",
            "problem", "problems", "complaint", "complaints", "concern", "wrong", "leave", "left", "churn", "churned",
            "cancel", "cancelled", "canceled", "quit", "go", "went", "due", "related", "anything", "blame", "main");
    /** May stand between a denial and what it denies without linking them: "wasn't really the price". */
    static final List<String> DENIAL_ADVERBS = List.of("really", "only", "much", "mainly", "primarily", "entirely",
            "actually", "honestly", "specifically", "particularly", "even", "necessarily", "mostly", "simply", "purely");
    /** After a cause word they say it was not the problem: "price was fine", "support we could live with". */
    static final List<String> ACCEPTING = List.of("fine", "ok", "okay", "good", "great", "fair", "acceptable",
            "decent", "solid", "excellent", "nice", "happy", "satisfied", "helpful", "perfect", "live", "alright", "responsive");
    /** After a cause word and a denial: "price wasn't the issue", "support was never the problem". */
    static final List<String> NOT_THE_PROBLEM = List.of("problem", "issue", "concern", "reason", "factor",
            "dealbreaker", "driver", "why", "deciding", "main", "real", "big", "biggest", "primary", "key", "major");
    /** May stand between a cause word and what accepts it: "price was honestly pretty fine". */
    static final List<String> ACCEPT_FILLERS = List.of("always", "honestly", "actually", "really", "pretty", "quite",
            "totally", "completely", "more", "than", "overall", "generally", "ever", "mostly", "still", "could",
            "would", "enough", "all", "perfectly", "absolutely", "itself", "though");
    /** Strong negative words: they add weight to the cause word next to them ("support was awful"). */
    static final List<String> SENTIMENT = List.of("awful", "terrible", "horrible", "bad", "poor", "worst", "useless",
            "rubbish", "atrocious", "abysmal", "appalling", "lousy", "pathetic", "unacceptable", "frustrating",
            "disappointing", "shocking", "dreadful", "crap", "crappy", "sucks", "sucked", "nightmare", "garbage",
            "trash", "painful", "horrendous", "ridiculous", "outrageous", "insane", "joke", "hopeless");

    final Set<String> denials;
    final Set<String> noBefore;
    final Set<String> denialLinks;
    final Set<String> denialAdverbs;
    final Set<String> accepting;
    final Set<String> notTheProblem;
    final Set<String> acceptFillers;
    final Set<String> sentiment;

    Cues(TextTokenizer tokenizer) {
        denials = stems(tokenizer, DENIALS);
        noBefore = stems(tokenizer, NO_BEFORE);
        denialLinks = stems(tokenizer, DENIAL_LINKS);
        denialAdverbs = stems(tokenizer, DENIAL_ADVERBS);
        accepting = stems(tokenizer, ACCEPTING);
        notTheProblem = stems(tokenizer, NOT_THE_PROBLEM);
        acceptFillers = stems(tokenizer, ACCEPT_FILLERS);
        sentiment = stems(tokenizer, SENTIMENT);
    }

    boolean isDenial(String term) {
        return denials.contains(term) || term.equals("no");
    }

    /** "not" and "nothing" deny the noun right after them; "don't" and "never" negate a verb there. */
    static boolean deniesNextWord(String denial) {
        return !denial.equals("dont") && !denial.equals("never");
    }

    /** Every word of every list, for the typo vocabulary. */
    static Stream<String> allWords() {
        return Stream.of(DENIALS, NO_BEFORE, DENIAL_LINKS, DENIAL_ADVERBS, ACCEPTING, NOT_THE_PROBLEM, ACCEPT_FILLERS, SENTIMENT)
                .flatMap(List::stream);
    }

    private static Set<String> stems(TextTokenizer tokenizer, List<String> words) {
        Set<String> stems = new HashSet<>();
        words.forEach(word -> stems.addAll(tokenizer.terms(word)));
        return Set.copyOf(stems);
    }
}
