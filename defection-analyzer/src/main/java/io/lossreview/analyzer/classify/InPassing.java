package io.lossreview.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text says in passing: from a marker that announces a minor point ("Also mentioned:", "side note", "P.S.",
 * "nebenbei", "accessoirement", "de paso") to the end of its sentence or clause. The rules count cause words there
 * half ({@link TextMatcher}); the text model sees those words apart from the main text, so a remark in passing does
 * not weigh as the reason.
 * <p>
 * Only markers that point <em>forward</em>: "that's secondary" or "mentioned the price in passing" refer to what came
 * before them, and the words after them are often the real reason ("…but that's secondary. The truth is…"), so bare
 * "secondary" and "in passing" mid-sentence are not markers. A contrast ("but", "aber", "mais", "pero") or a dash ends
 * the remark: "Also mentioned the UI, but the real problem was…" returns to the main point.
 */
public final class InPassing {

    private static final Pattern MARKER = Pattern.compile("(?iu)(?:"
            + "\\balso (?:mentioned|noted|said|raised|flagged|brought up|complained(?: about)?)"
            + "|\\bside ?note|\\bminor (?:point|gripe|thing)|\\bsecondary (?:reason|point|issue)s?\\s*:"
            + "|(?:^|[.!?;:]\\s*)in passing\\s*[,:]|\\bp\\.\\s?s\\.|\\bps\\s*:|\\bpd\\s*:"
            + "|\\baußerdem (?:erwähnt|angemerkt)|\\bnebenbei(?: bemerkt| erwähnt)?|\\bam rande\\b"
            + "|\\b(?:a |ont )?aussi (?:mentionné|signalé|évoqué)|\\baccessoirement|\\bpoint secondaire"
            + "|\\btambién (?:mencionó|mencionaron|comentó|comentaron)|\\bde paso\\b|\\bpunto menor)");
    /**
     * Pieces of text (folded as {@link #fold} folds them) of which every marker holds one: a text holding none has no
     * marker. Tried at every position of a text, the marker pattern's alternatives cost a third of a whole
     * classification (a profile of the chain benchmark); a few searches for these pieces first cost a fraction of it,
     * and most texts have none. "ps:" and "pd:" may have spaces before their colon: a colon and "ps" or "pd" anywhere.
     */
    private static final String[] PIECES = {"also ", "side", "minor ", "secondary", "passing", "p.", "außerdem",
            "nebenbei", "rande", "aussi ", "accessoirement", "secondaire", "también ", "paso", "menor"};
    private static final Pattern END = Pattern.compile(
            "(?iu)[.!?;\\n]|\\s[-–—]\\s|\\b(?:but|however|though|aber|jedoch|mais|cependant|pero|sin embargo)\\b");

    private InPassing() {
    }

    /** Character ranges [from, to) of the remarks in passing, in order and not overlapping. */
    public static List<int[]> ranges(String text) {
        return mayHoldAMarker(text) ? markedRanges(text) : List.of();
    }

    /** {@link #ranges} without looking for the pieces first: the test that they never hide a marker compares both. */
    static List<int[]> markedRanges(String text) {
        List<int[]> ranges = new ArrayList<>(1);
        Matcher marker = MARKER.matcher(text);
        Matcher end = END.matcher(text);
        int from = 0;
        while (from < text.length() && marker.find(from)) {
            int start = marker.end();
            int stop = end.find(start) ? end.start() : text.length();
            if (stop > start) {
                ranges.add(new int[] {start, stop});
            }
            from = Math.max(stop, start);
        }
        return ranges;
    }

    /** False only when no marker can match: the text holds none of {@link #PIECES}. */
    static boolean mayHoldAMarker(String text) {
        String folded = fold(text);
        for (String piece : PIECES) {
            if (folded.contains(piece)) {
                return true;
            }
        }
        return folded.indexOf(':') >= 0 && (folded.contains("ps") || folded.contains("pd"));
    }

    /**
     * Each character as the marker pattern's case-insensitive matching sees it: two characters match there when their
     * upper or their lower cases are equal, so the lower case of the upper case is the same for both ("ſ" and "s",
     * "İ" and "i"). Character by character, so the text keeps its length.
     */
    private static String fold(String text) {
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(chars);
    }
}
