package io.lossreview.common.error;

import java.util.List;

/**
 * The input breaks a rule: each violation names the field (a JSON pointer, "" for the whole input)
 * and the rule. The kind says which: a rule of the domain, input that is not even well-formed, or
 * input over one of the service's size limits.
 */
public class InvalidInput extends RuntimeException {

    /** Which kind of rule the input broke. */
    public enum Kind { RULE, MALFORMED, TOO_LARGE }

    /** One broken rule. */
    public record Violation(String field, String rule, String message) {
    }

    private final Kind kind;
    private final transient List<Violation> violations;

    public InvalidInput(Kind kind, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(List<Violation> violations) {
        this(Kind.RULE, violations.size() == 1 ? violations.get(0).message() : violations.size() + " fields are invalid",
                violations);
    }

    public InvalidInput(String field, String rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    /**
     * Throws when any rule was broken, listing at most {@code maxListed} violations and then one
     * {@code more} entry saying how many were left out (a file of bad lines says enough with the first ones).
     */
    public static void throwIfAny(List<Violation> violations, int maxListed) {
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> listed = new java.util.ArrayList<>(violations.subList(0, Math.min(maxListed, violations.size())));
        if (violations.size() > maxListed) {
            listed.add(new Violation("body", "more", (violations.size() - maxListed) + " more violations not listed"));
        }
        throw new InvalidInput(listed);
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
