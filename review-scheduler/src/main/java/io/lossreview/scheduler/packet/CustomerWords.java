package io.lossreview.scheduler.packet;

import io.lossreview.contracts.defection.StatedReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's own words from a stated reason, for a story: what the customer typed in the cancel flow (the
 * billing comment: one line for each cancelled subscription that has one, shown as "a / b") first; else what a CRM
 * note quotes them saying; else the note without the account manager's scaffolding ("Left two voicemails, finally reached …", "Cust said:").
 */
final class CustomerWords {

    /** Quoted speech worth quoting: "…", “…” or '…' of at least this many characters. */
    private static final int MIN_SPEECH = 15;
    private static final Pattern SPEECH = Pattern.compile("[\"\u201C]([^\"\u201C\u201D]{" + MIN_SPEECH + ",})[\"\u201D]"
            + "|(?<![A-Za-z])'([^']{" + MIN_SPEECH + ",})'(?![A-Za-z])");
    /** A note's lead-in before the customer's words. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:(?:cust(?:omer)?|client|contact|they|he|she)\\s+(?:said|says|stated|told us|mentioned|wrote)|(?:as\\s+)?per\\s+"
                    + "(?:the\\s+)?(?:cust(?:omer)?|client|contact)|notes?|reason|feedback)\\s*[:,\u2013\u2014-]\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A sentence about the account manager's own doings, not the customer's reasons. */
    private static final Pattern REP_ACTIVITY = Pattern.compile(
            "^(?:left|called|phoned|rang|e-?mailed|emailed|spoke|reached|tried|finally|caught up|met|pinged|chased|"
                    + "followed up|follow-up|no answer|voicemail|sent|scheduled|booked)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private CustomerWords() {
    }

    /** The customer's words, preferring ones of at least {@code minLength} characters; null when the reason holds none. */
    static String of(StatedReason r, int minLength) {
        if (r == null) {
            return null;
        }
        String typed = clean(r.billingComment() == null ? null : r.billingComment().replaceAll("\\s*\\R\\s*", " / "));
        if (typed != null && typed.length() >= minLength) {
            return typed;
        }
        String note = clean(r.statedReason());
        String speech = note == null ? null : longestSpeech(note);
        if (speech != null) {
            return speech;
        }
        String stripped = note == null ? null : withoutScaffolding(note);
        if (stripped != null && stripped.length() >= minLength) {
            return stripped;
        }
        return typed != null ? typed : stripped; // short words are still the customer's, for whoever shows them
    }

    private static String longestSpeech(String note) {
        String longest = null;
        Matcher m = SPEECH.matcher(note);
        while (m.find()) {
            String said = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
            longest = longest == null || said.length() > longest.length() ? said : longest;
        }
        return longest == null ? null : capitalized(longest);
    }

    /** The note's sentences without the rep's doings and lead-ins. */
    static String withoutScaffolding(String note) {
        List<String> kept = new ArrayList<>();
        for (String sentence : note.split("(?<=[.!?;])\\s+")) {
            String s = LEAD_IN.matcher(sentence.strip()).replaceFirst("");
            if (!s.isEmpty() && !REP_ACTIVITY.matcher(s).matches()) {
                kept.add(capitalized(s));
            }
        }
        return kept.isEmpty() ? null : String.join(" ", kept);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
