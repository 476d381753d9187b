package io.lossreview.analyzer.classify;

import io.lossreview.analyzer.taxonomy.Cause;
import io.lossreview.analyzer.taxonomy.Taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Structured reason codes as evidence. A plain code backs its cause with the source's weight; a coarse code
 * ({@code ~PRODUCT}) backs its family of causes with the same total weight, shared by what the text says about them
 * (all of it to PRODUCT_QUALITY when only quality is mentioned), or evenly when the text says nothing about any.
 * A code meaning OTHER is weak: the customer picked "none of the above".
 */
final class CodeBook {

    static final double BILLING_WEIGHT = 2.2;
    static final double CRM_WEIGHT = 1.6;
    static final double OTHER_FACTOR = 0.3;

    private record Rule(List<Integer> causes, boolean coarse) {
    }

    private final Map<String, Rule> rules = new HashMap<>();
    private final int other;
    private final List<String> codes;

    CodeBook(Taxonomy taxonomy) {
        Map<String, List<Integer>> plain = new HashMap<>();
        Map<String, List<Integer>> coarse = new HashMap<>();
        for (int c = 0; c < taxonomy.causes().size(); c++) {
            for (String code : taxonomy.causes().get(c).reasonCodes()) {
                String key = code.strip().toLowerCase(Locale.ROOT);
                boolean isCoarse = key.startsWith(Taxonomy.COARSE_PREFIX);
                List<Integer> owners = (isCoarse ? coarse : plain)
                        .computeIfAbsent(isCoarse ? key.substring(1) : key, k -> new ArrayList<>());
                if (!owners.contains(c)) {
                    owners.add(c);
                }
            }
        }
        coarse.forEach((code, owners) -> rules.put(code, new Rule(List.copyOf(owners), true)));
        plain.forEach((code, owners) -> rules.put(code, new Rule(List.of(owners.get(0)), false)));
        this.codes = taxonomy.causes().stream().map(Cause::code).toList();
        this.other = codes.indexOf(Taxonomy.OTHER);
    }

    /**
     * Adds the code's weight to {@code scores.codes}; returns false when the code is unknown.
     *
     * @param source "billing" or "crm", for the evidence
     */
    boolean apply(String code, String source, double weight, Scores scores) {
        if (code == null || code.isBlank()) {
            return false;
        }
        Rule rule = rules.get(code.strip().toLowerCase(Locale.ROOT));
        if (rule == null) {
            return false;
        }
        String detail = source + " reasonCode " + code.strip();
        if (!rule.coarse()) {
            int cause = rule.causes().get(0);
            scores.codes[cause] += cause == other ? weight * OTHER_FACTOR : weight;
            scores.addCodeEvidence(detail + " \u2192 " + codes.get(cause));
            return true;
        }
        double mentioned = 0;
        for (int cause : rule.causes()) {
            mentioned += scores.text[cause];
        }
        for (int cause : rule.causes()) {
            double share = mentioned > 0 ? scores.text[cause] / mentioned : 1.0 / rule.causes().size();
            scores.codes[cause] += weight * share;
        }
        scores.addCodeEvidence(detail + " \u2192 one of " + rule.causes().stream().map(codes::get).toList());
        return true;
    }
}
