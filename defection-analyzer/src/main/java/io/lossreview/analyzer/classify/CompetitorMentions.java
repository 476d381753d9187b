package io.lossreview.analyzer.classify;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots a vendor named after a switching verb: "went with Quilla", "lost to Pipewise", "chose HubNova",
 * "consolidated on Zendora". The name is a capitalised word the vocabulary does not know, so "went with another
 * vendor" or "moved to The cloud" do not count (those have their own phrases). Thread-safe.
 */
final class CompetitorMentions {

    private static final Pattern SWITCH_TO_NAME = Pattern.compile("(?i:\\b(?:went|go|going|gone|switch(?:ed|ing)?"
            + "|mov(?:e|ed|ing)|migrat(?:e|ed|ing)|chose|choose|choosing|picked|signed|lost|consolidat(?:e|ed|ing)"
            + "|standardi[sz](?:e|ed|ing)|brought|mandated|replaced|selected|preferred)"
            + "(?:\\s+(?:over\\s+)?(?:to|with|for|on|by))?)\\s+([A-Z][\\w.-]*[A-Za-z0-9])");
    /** Capitalised words that follow these verbs without naming a vendor. */
    private static final Set<String> NOT_NAMES = Set.of("i", "us", "uk", "eu", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "q1", "q2", "q3", "q4", "fy", "another",
            "something", "someone", "everything", "paper", "spreadsheets", "excel", "email", "home", "live");

    private final Predicate<String> knownWord;

    /** @param knownWord true for a lower-cased word that is a stop word or in the vocabulary */
    CompetitorMentions(Predicate<String> knownWord) {
        this.knownWord = knownWord;
    }

    /** The first "verb + name" in the text, as written, e.g. "went with Quilla". */
    Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = SWITCH_TO_NAME.matcher(text);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!NOT_NAMES.contains(name) && !knownWord.test(name)) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
