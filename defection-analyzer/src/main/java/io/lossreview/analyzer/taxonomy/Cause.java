package io.lossreview.analyzer.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * One reason a customer can leave for.
 *
 * @param code        stable UPPER_SNAKE identifier, e.g. PRICE
 * @param label       short human name
 * @param description what belongs here, for reviewers
 * @param phrases     multi-word expressions that point at this cause ("too expensive", "never got back to us")
 * @param keywords    single words that point at this cause ("pricey", "outage")
 * @param reasonCodes structured codes (billing cancel-flow values, CRM pick-list values) that mean this cause,
 *                    matched case-insensitively. A code prefixed with {@value Taxonomy#COARSE_PREFIX} is coarse: it
 *                    may sit on several causes and only hints that the cause is one of them.
 */
public record Cause(String code, String label, String description, List<String> phrases, List<String> keywords,
                    List<String> reasonCodes) {

    public Cause {
        phrases = copy(phrases);
        keywords = copy(keywords);
        reasonCodes = copy(reasonCodes);
    }

    /** Null lists (e.g. a field left out of the JSON) read as empty; null entries are dropped. */
    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
