package io.lossreview.scheduler.calls.plan;

import java.util.Locale;

/**
 * "Why you, why this call" as a person would write it to the executive, for the brief and the packet:
 * "You know the Enterprise segment, and Acme Corp was worth $424,587 a year; they left over Product quality,
 * this month's costliest cause."
 */
public final class WhyText {

    private WhyText() {
    }

    public static String of(PlannedCall call, Wording words) {
        Candidate c = call.candidate();
        Reason r = call.reason();
        String account = blank(c.accountName()) ? "this customer" : c.accountName().strip();
        StringBuilder why = new StringBuilder(fit(r.match(), c, words)).append(", and ").append(account);
        if (c.arrLost() == null) {
            why.append("'s value is not known yet");
        } else {
            why.append(" was worth ").append(words.money(c.arrLost())).append(" a year");
            if (r.coveredCause() == null) {
                why.append(", ").append(largest(r.arrRank()));
            }
        }
        if (!blank(c.cause())) {
            why.append("; they left over ").append(words.cause(c.cause().strip()));
            if (r.coveredCause() != null) {
                why.append(", ").append(costliest(r.causeRank()));
            }
        }
        return why.append('.').toString();
    }

    private static String fit(Reason.Match match, Candidate c, Wording words) {
        return switch (match) {
            case SEGMENT_AND_REGION -> "You know the " + words.bucket(c.segment()) + " segment and " + words.bucket(c.region());
            case SEGMENT -> "You know the " + words.bucket(c.segment()) + " segment";
            case REGION -> "You know " + words.bucket(c.region());
            case NONE -> "You had room for another call";
        };
    }

    /** A cause covered because each top cause gets a call, however small its losses. */
    private static String costliest(int rank) {
        return rank <= 1 ? "this month's costliest cause" : "this month's " + ordinal(rank) + " costliest cause";
    }

    private static String largest(int rank) {
        return rank <= 1 ? "the largest loss we can call this month" : "the " + ordinal(rank) + " largest loss we can call this month";
    }

    /** 2 → "2nd", 11 → "11th", 23 → "23rd". */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return String.format(Locale.ROOT, "%d%s", n, suffix);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
