package io.lossreview.scheduler.calls.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The plain-words reason behind one assignment: why this customer, why this executive, and their load.
 * Amounts carry no currency sign: the planner does not know the reporting currency (the packet does).
 */
final class WhyText {

    private WhyText() {
    }

    /**
     * @param coveredCause the cause this call was reserved for, or null when it was picked by ARR
     * @param arrRank      1-based rank among the eligible candidates
     */
    static String of(Candidate candidate, String coveredCause, int arrRank, Fit executive, int load) {
        return priority(candidate, coveredCause, arrRank) + "; " + match(executive, candidate) + "; "
                + load + " of " + executive.executive().capacity() + " calls this month";
    }

    private static String priority(Candidate candidate, String coveredCause, int arrRank) {
        if (coveredCause != null) {
            return "Covers cause " + coveredCause + " (top-cause coverage; " + amount(candidate.arrLost()) + ")";
        }
        return "Top ARR loss #" + arrRank + " (" + amount(candidate.arrLost()) + ")";
    }

    private static String match(Fit executive, Candidate candidate) {
        return switch (executive.match(candidate)) {
            case Fit.BOTH -> "knows " + candidate.segment() + " and " + candidate.region();
            case Fit.SEGMENT_ONLY -> "knows segment " + candidate.segment();
            case Fit.REGION_ONLY -> "knows region " + candidate.region();
            default -> "no segment or region match";
        };
    }

    /** Whole units with thousands commas; built by hand because Formatter is slow for hundreds of lines. */
    static String amount(BigDecimal arrLost) {
        if (arrLost == null) {
            return "ARR value pending";
        }
        String digits = arrLost.setScale(0, RoundingMode.HALF_UP).toBigInteger().abs().toString();
        StringBuilder grouped = new StringBuilder(arrLost.signum() < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }
}
