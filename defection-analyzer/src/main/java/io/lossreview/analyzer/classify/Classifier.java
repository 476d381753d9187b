package io.lossreview.analyzer.classify;

import io.lossreview.contracts.analysis.view.Evidence;
import io.lossreview.analyzer.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Decides why a customer left from billing and CRM codes and free text. Order of precedence: a payment failure
 * (voluntary = false) is always INVOLUNTARY; a text a human already labelled gets that label; otherwise evidence
 * weights are added up per cause: reason codes (billing strongest, CRM next), a named competitor, and the taxonomy's
 * phrases and keywords in the texts, where a denied cause counts against itself and also discounts a code for it.
 * A clear text therefore overrides a contradicting code, which then shows as the secondary cause.
 *
 * <p>Immutable and thread-safe after construction; build one and share it.
 */
public final class Classifier {

    static final double COMPETITOR_WEIGHT = 2.5;
    /** The CRM's competitor also named in the text: the switch is the story, not a side note. */
    static final double COMPETITOR_IN_TEXT_BONUS = 1.0;
    /** A vendor named after a switching verb ("went with Quilla") when the CRM names none. */
    static final double NAMED_IN_TEXT_WEIGHT = 2.0;
    static final double INVOLUNTARY_WEIGHT = 5.0;
    /** Evidence against a cause counts half: "not the price" weakens price, it does not prove another cause. */
    static final double AGAINST_FACTOR = 0.5;
    /** A code for a cause the text denies is most likely a careless pick. */
    static final double DENIED_CODE_FACTOR = 0.3;
    /** Reasons are a few sentences; beyond this a text is a pasted e-mail thread, and its start says enough. */
    static final int MAX_TEXT_CHARS = 5_000;
    private static final String COMPETITOR = "COMPETITOR";

    private final List<String> codes;
    private final TextTokenizer tokenizer;
    private final TypoCorrector typos;
    private final TextMatcher matcher;
    private final CodeBook codeBook;
    private final ExampleIndex examples;
    private final CompetitorMentions mentions;
    private final int other;
    private final int involuntary;
    private final int competitor;

    /** @throws IllegalArgumentException when the taxonomy does not validate */
    public Classifier(Taxonomy taxonomy, Collection<LabelledExample> examples) {
        List<String> problems = taxonomy.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("taxonomy v" + taxonomy.version() + " is invalid: " + problems);
        }
        this.codes = taxonomy.codes();
        this.tokenizer = new TextTokenizer(new ReasonAnalyzer());
        Lexicon lexicon = new Lexicon(taxonomy, tokenizer);
        this.typos = TypoCorrector.of(lexicon, tokenizer);
        this.matcher = new TextMatcher(lexicon, new Cues(tokenizer));
        this.codeBook = new CodeBook(taxonomy);
        this.mentions = new CompetitorMentions(
                word -> ReasonAnalyzer.STOP_WORDS.contains(word) || lexicon.words().containsKey(word));
        this.examples = new ExampleIndex(examples == null ? List.of() : examples,
                text -> tokenizer.tokens(text, typos).stream().map(Token::term).toList());
        this.other = codes.indexOf(Taxonomy.OTHER);
        this.involuntary = codes.indexOf(Taxonomy.INVOLUNTARY);
        this.competitor = codes.indexOf(COMPETITOR);
    }

    public Classification classify(ClassificationInput input) {
        Objects.requireNonNull(input, "input");
        Scores scores = new Scores(codes.size());
        List<List<String>> texts = new ArrayList<>(2);
        for (String text : new String[] {cap(input.billingComment()), cap(input.statedReason())}) {
            List<Token> tokens = tokenizer.tokens(text, typos);
            texts.add(tokens.stream().map(Token::term).toList());
            matcher.match(text, tokens).forEach(scores::add);
        }
        // Codes after the text: a coarse code is shared out by what the text says.
        codeBook.apply(input.billingReasonCode(), "billing", CodeBook.BILLING_WEIGHT, scores);
        codeBook.apply(input.crmReasonCode(), "crm", CodeBook.CRM_WEIGHT, scores);
        double[] extra = new double[codes.size()];
        if (competitor >= 0) {
            extra[competitor] += competitorWeight(input, scores);
        }
        if (!input.voluntary()) {
            extra[involuntary] += INVOLUNTARY_WEIGHT;
            scores.structured.add(0, new Evidence(Evidence.INVOLUNTARY, "billing voluntary=false (payment failure)"));
        }
        double[] total = totals(scores, extra);
        List<Integer> ranked = IntStream.range(0, codes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -total[c]).thenComparingInt(c -> c)).toList();
        if (!input.voluntary()) {
            double runnerUp = ranked.stream().filter(c -> c != involuntary).mapToDouble(c -> total[c]).findFirst().orElse(0);
            double confidence = Verdicts.confidence(total[involuntary], runnerUp);
            return verdict(involuntary, total, ranked, scores, null,
                    Math.max(Verdicts.INVOLUNTARY_MIN, Math.min(Verdicts.INVOLUNTARY_MAX, confidence)));
        }
        Optional<ExampleIndex.Hit> hit = examples.isEmpty() ? Optional.empty() : examples.find(texts);
        if (hit.isPresent() && codes.contains(hit.get().cause())) {
            return exampleVerdict(hit.get(), total, ranked, scores);
        }
        int top = ranked.get(0);
        if (total[top] <= 0) {
            return new Classification(Taxonomy.OTHER, null, Verdicts.NO_EVIDENCE_CONFIDENCE, evidence(scores, other, -1, null));
        }
        return verdict(top, total, ranked, scores, null, Verdicts.confidence(total[top], total[ranked.get(1)]));
    }

    private Classification exampleVerdict(ExampleIndex.Hit hit, double[] total, List<Integer> ranked, Scores scores) {
        boolean exact = hit.similarity() >= 1.0;
        String detail = String.format(Locale.ROOT, "%s: \"%s\" (similarity %.2f)", hit.cause(), hit.text(), hit.similarity());
        return verdict(codes.indexOf(hit.cause()), total, ranked, scores, new Evidence(Evidence.LABELLED_EXAMPLE, detail),
                exact ? Verdicts.EXACT_EXAMPLE_CONFIDENCE : Verdicts.nearExample(hit.similarity()));
    }

    private static String cap(String text) {
        return text == null || text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    /** The CRM's competitor field, or failing that a vendor the text names after a switching verb. */
    private double competitorWeight(ClassificationInput input, Scores scores) {
        String named = input.competitor() == null ? "" : input.competitor().strip();
        if (!named.isEmpty()) {
            boolean inText = Stream.of(input.billingComment(), input.statedReason())
                    .anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(named.toLowerCase(Locale.ROOT)));
            String detail = "competitor " + named + (inText ? " (named in the text too)" : "");
            scores.structured.add(new Evidence(Evidence.COMPETITOR, detail));
            return COMPETITOR_WEIGHT + (inText ? COMPETITOR_IN_TEXT_BONUS : 0);
        }
        Optional<String> mention = mentions.find(input.billingComment()).or(() -> mentions.find(input.statedReason()));
        mention.ifPresent(m -> scores.structured.add(new Evidence(Evidence.COMPETITOR, "named in the text: \"" + m + "\"")));
        return mention.isPresent() ? NAMED_IN_TEXT_WEIGHT : 0;
    }

    private double[] totals(Scores scores, double[] extra) {
        double[] total = new double[codes.size()];
        for (int c = 0; c < total.length; c++) {
            double code = scores.codes[c] * (scores.denied(c) ? DENIED_CODE_FACTOR : 1);
            total[c] = Math.max(0, code + extra[c] + scores.text[c] - AGAINST_FACTOR * scores.against[c]);
        }
        return total;
    }

    /**
     * The secondary cause is the runner-up when it has a real share of the winner's weight, or else the cause a
     * structured code claimed and the text overrode: worth showing a reviewer.
     */
    private Classification verdict(int primary, double[] total, List<Integer> ranked, Scores scores, Evidence first,
                                   double confidence) {
        double reference = Math.max(total[primary], total[ranked.get(0)]);
        int secondary = ranked.stream().filter(c -> c != primary).findFirst().orElse(-1);
        if (secondary >= 0 && (total[secondary] <= 0 || total[secondary] < Verdicts.SECONDARY_SHARE * reference)) {
            secondary = overriddenCode(primary, scores);
        }
        return new Classification(codes.get(primary), secondary < 0 ? null : codes.get(secondary), confidence,
                evidence(scores, primary, secondary, first));
    }

    private int overriddenCode(int primary, Scores scores) {
        int best = -1;
        for (int c = 0; c < codes.size(); c++) {
            boolean claimed = c != primary && c != other && scores.codes[c] >= CodeBook.CRM_WEIGHT;
            if (claimed && (best < 0 || scores.codes[c] > scores.codes[best])) {
                best = c;
            }
        }
        return best;
    }

    /** Labelled example or involuntary first, then codes and competitor, then the words for, then the words against. */
    private List<Evidence> evidence(Scores scores, int primary, int secondary, Evidence first) {
        List<Evidence> evidence = new ArrayList<>();
        if (first != null) {
            evidence.add(first);
        }
        evidence.addAll(scores.structured);
        for (int cause : new int[] {primary, secondary}) {
            if (cause >= 0 && !scores.words.get(cause).isEmpty()) {
                evidence.add(new Evidence(Evidence.TEXT, codes.get(cause) + " words: " + quoted(scores.words.get(cause))));
            }
        }
        for (int cause = 0; cause < codes.size(); cause++) {
            if (!scores.deniedWords.get(cause).isEmpty()) {
                String denied = codes.get(cause) + " denied: " + quoted(scores.deniedWords.get(cause));
                evidence.add(new Evidence(Evidence.TEXT, denied));
            }
        }
        return evidence;
    }

    private static String quoted(Collection<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").reduce((a, b) -> a + ", " + b).orElse("");
    }
}
