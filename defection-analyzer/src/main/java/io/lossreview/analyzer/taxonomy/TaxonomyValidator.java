package io.lossreview.analyzer.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The rules a taxonomy must keep; see {@link Taxonomy#validate()}. */
final class TaxonomyValidator {

    private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    private TaxonomyValidator() {
    }

    static List<String> problems(Taxonomy taxonomy) {
        List<String> problems = new ArrayList<>();
        if (taxonomy.effectiveFrom() == null) {
            problems.add("effectiveFrom is missing");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < taxonomy.causes().size(); i++) {
            Cause cause = taxonomy.causes().get(i);
            String where = "cause #" + (i + 1);
            if (cause == null) {
                problems.add(where + " is null");
                continue;
            }
            if (cause.code() == null || cause.code().isBlank()) {
                problems.add(where + ": code is blank");
            } else {
                where = "cause " + cause.code();
                if (!CODE.matcher(cause.code()).matches()) {
                    problems.add(where + ": code must match " + CODE.pattern());
                }
                if (!seen.add(cause.code().toUpperCase(Locale.ROOT))) {
                    problems.add(where + ": duplicate code");
                }
            }
            if (cause.label() == null || cause.label().isBlank()) {
                problems.add(where + ": label is blank");
            }
        }
        for (String required : List.of(Taxonomy.OTHER, Taxonomy.INVOLUNTARY)) {
            if (taxonomy.cause(required).isEmpty()) {
                problems.add("required cause " + required + " is missing");
            }
        }
        reasonCodeProblems(taxonomy, problems);
        return problems;
    }

    /** A plain code on two causes would make the code ambiguous; a coarse one on a single cause is a plain one. */
    private static void reasonCodeProblems(Taxonomy taxonomy, List<String> problems) {
        Map<String, List<String>> plain = new TreeMap<>();
        Map<String, List<String>> coarse = new TreeMap<>();
        for (Cause cause : taxonomy.causes()) {
            if (cause == null) {
                continue;
            }
            Set<String> own = new HashSet<>(); // the same code twice on one cause is harmless
            for (String code : cause.reasonCodes()) {
                String key = code.strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty() || key.equals(Taxonomy.COARSE_PREFIX)) {
                    problems.add("cause " + cause.code() + ": blank reason code");
                } else if (own.add(key)) {
                    boolean isCoarse = key.startsWith(Taxonomy.COARSE_PREFIX);
                    (isCoarse ? coarse : plain).computeIfAbsent(isCoarse ? key.substring(1) : key, k -> new ArrayList<>())
                            .add(cause.code());
                }
            }
        }
        plain.forEach((code, owners) -> {
            if (owners.size() > 1) {
                problems.add("reason code " + code + " is mapped to several causes " + owners
                        + " (prefix it with " + Taxonomy.COARSE_PREFIX + " on each if it is deliberately coarse)");
            }
            if (coarse.containsKey(code)) {
                problems.add("reason code " + code + " is both plain and coarse");
            }
        });
        coarse.forEach((code, owners) -> {
            if (owners.size() < 2) {
                problems.add("coarse reason code " + Taxonomy.COARSE_PREFIX + code + " is on one cause only " + owners
                        + ": make it a plain code");
            }
        });
    }
}
