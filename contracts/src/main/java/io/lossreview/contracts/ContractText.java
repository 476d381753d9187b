package io.lossreview.contracts;

/** The contracts' free text ({@code common.schema.json#/$defs/text}): its limit and how a service stays inside it. */
public final class ContractText {

    /** The schema's maxLength, which JSON Schema counts in code points. */
    public static final int MAX_CODE_POINTS = 4000;

    private ContractText() {
    }

    /** The text cut at {@link #MAX_CODE_POINTS} (never inside a surrogate pair); null stays null. */
    public static String cut(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS));
    }
}
