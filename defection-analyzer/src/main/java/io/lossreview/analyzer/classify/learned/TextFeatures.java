package io.lossreview.analyzer.classify.learned;

import io.lossreview.analyzer.classify.ClassificationInput;
import io.lossreview.analyzer.classify.InPassing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text model sees of one defection, as named features:
 * <ul>
 *   <li>the words and word pairs of the texts (lower case, accents folded, no stemming: it has to work for every
 *       language, and "not the price" must keep its "not");</li>
 *   <li>what a text says in passing ({@link InPassing}): only its words, as features of their own;</li>
 *   <li>character 3- to 5-grams inside each word, which carry the stem across inflections, languages and typos
 *       ("expensve", "teuer"/"teurer", "facturation"/"facture");</li>
 *   <li>the meaning of the words: the weighted mean of their English word vectors ({@link WordVectors}), so a
 *       word never seen in training still counts by what it is near to;</li>
 *   <li>the structured evidence: billing and CRM reason codes, a named competitor, an empty text;</li>
 *   <li>the rule classifier's score per cause (its taxonomy phrases and keywords, negation handled), saturated to
 *       0–1: the model learns how far to trust the lexicon instead of the lexicon deciding alone.</li>
 * </ul>
 * The text features are scaled to unit length, so a long CRM note does not outweigh a short comment.
 */
public final class TextFeatures {

    static final int MIN_GRAM = 3;
    static final int MAX_GRAM = 5;
    /** Reasons are a few sentences; beyond this a text is a pasted e-mail thread, and its start says enough. */
    static final int MAX_TEXT_CHARS = 5_000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+|[$€£¥]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TextFeatures() {
    }

    /**
     * @param ruleStrength the rule classifier's strength per cause code (0–1), or empty
     */
    public static Map<String, Double> of(ClassificationInput input, Map<String, Double> ruleStrength) {
        Map<String, Double> features = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        List<String> inPassing = new ArrayList<>();
        read(input.billingComment(), words, inPassing);
        read(input.statedReason(), words, inPassing);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            features.put("w=" + w, 1.0);
            if (i + 1 < words.size()) {
                features.put("b=" + w + "_" + words.get(i + 1), 1.0);
            }
            String padded = "<" + w + ">";
            for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    features.put("c=" + padded.substring(s, s + n), 1.0);
                }
            }
        }
        // Words said in passing are features of their own: their cause is rarely the reason, and the model learns
        // how little they weigh instead of reading them as the main text.
        for (String w : inPassing) {
            features.put("p=" + w, 1.0);
        }
        double norm = Math.sqrt(features.size());
        features.replaceAll((k, v) -> v / norm);
        if (words.isEmpty()) {
            features.put("text=none", 1.0);
        }
        double[] meaning = WordVectors.english().mean(words);
        if (meaning != null) {
            for (int d = 0; d < meaning.length; d++) {
                features.put("v" + d, meaning[d]);
            }
        }
        code(features, "billing", input.billingReasonCode());
        code(features, "crm", input.crmReasonCode());
        if (input.competitor() != null && !input.competitor().isBlank()) {
            features.put("competitor=named", 1.0);
        }
        if (!input.voluntary()) {
            features.put("voluntary=no", 1.0);
        }
        // Always there: a text made only of words never seen still gets the model's prior, never an error.
        features.put("bias", 1.0);
        ruleStrength.forEach((cause, strength) -> {
            if (strength > 0) {
                features.put("rule=" + cause, strength);
            }
        });
        return features;
    }

    /** The words of a text: those of its remarks in passing ({@link InPassing}) apart from the rest. */
    private static void read(String text, List<String> main, List<String> inPassing) {
        if (text == null || text.isBlank()) {
            return;
        }
        String capped = text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
        int at = 0;
        for (int[] remark : InPassing.ranges(capped)) {
            main.addAll(words(capped.substring(at, remark[0])));
            inPassing.addAll(words(capped.substring(remark[0], remark[1])));
            at = remark[1];
        }
        main.addAll(words(capped.substring(at)));
    }

    /** Lower case, accents folded ("coût" → "cout"), letters and digits runs plus currency signs. */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String capped = text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
        String folded = MARKS.matcher(Normalizer.normalize(capped.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD))
                .replaceAll("").replace("ß", "ss");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static void code(Map<String, Double> features, String source, String code) {
        if (code != null && !code.isBlank()) {
            features.put(source + "=" + code.strip().toLowerCase(Locale.ROOT), 1.0);
        }
    }
}
