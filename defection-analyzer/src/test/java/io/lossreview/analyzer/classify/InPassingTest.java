package io.lossreview.analyzer.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.analyzer.classify.learned.Corpus;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InPassingTest {

    @Test
    void aForwardMarkerTakesTheRestOfItsSentence() {
        assertEquals(List.of(": too many clicks for simple things"),
                remarks("Not worth the money. Also mentioned: too many clicks for simple things. Do not expect them back."));
        assertEquals(List.of(": the UI is clunky"), remarks("Budget cut. Side note: the UI is clunky"));
        assertEquals(List.of(" the exports were slow"), remarks("Moved to Pipewell. P.S. the exports were slow."));
        assertEquals(List.of(": la interfaz es confusa"), remarks("Cerramos la tienda. De paso: la interfaz es confusa."));
        assertEquals(List.of(": die Oberfläche war umständlich"),
                remarks("Das Büro wurde geschlossen. Außerdem erwähnt: die Oberfläche war umständlich."));
    }

    @Test
    void aContrastOrADashReturnsToTheMainPoint() {
        assertEquals(List.of(" the UI, "), remarks("They also mentioned the UI, but the real problem was the renewal quote."));
        assertEquals(List.of(" the reports"), remarks("Side note the reports - the main thing was the outage."));
    }

    @Test
    void markersPointingBackAreNone() {
        assertEquals(List.of(), remarks("We'll land on Basecamp, but that's secondary. The truth is nobody drove it."));
        assertEquals(List.of(), remarks("The founder mentioned the outages in passing but said the company is being sold."));
        assertEquals(List.of(), remarks("Head of IT at a secondary school: quiz submissions got lost."));
        assertEquals(List.of(" the price went up"), remarks("Company sold. In passing, the price went up."));
    }

    /** The quick look for the markers' pieces never hides a marker the pattern finds, in any case of letters. */
    @Test
    void theQuickLookNeverHidesAMarker() {
        List<String> texts = Corpus.rows(Corpus.Split.TRAIN).stream()
                .flatMap(r -> Stream.of(r.input().billingComment(), r.input().statedReason()))
                .filter(Objects::nonNull).toList();
        int marked = 0;
        for (String text : texts) {
            for (String form : List.of(text, text.toUpperCase(java.util.Locale.ROOT))) {
                List<int[]> byPattern = InPassing.markedRanges(form);
                if (!byPattern.isEmpty()) {
                    marked++;
                    assertTrue(InPassing.mayHoldAMarker(form), form);
                }
            }
        }
        assertTrue(marked > 100, "the corpus has remarks in passing: " + marked);
        // Each kind of marker alone (no other marker's piece in the text), as written, in capitals letter by letter,
        // and with letters whose upper case is another's (the pattern matches them case-insensitively).
        for (String text : List.of("Sold. Also noted the UI", "Sold. Side note the UI", "Sold. Minor gripe the UI",
                "Sold. Secondary reason: the UI", "Sold. In passing, the UI", "Sold. P.S. the UI", "Sold. PS : the UI",
                "Cerramos. PD: la UI", "Außerdem erwähnt die UI", "Nebenbei bemerkt die UI", "Am Rande die UI",
                "Ont aussi mentionné la UI", "Accessoirement la UI", "Point secondaire la UI",
                "También mencionó la UI", "De paso la UI", "Punto menor la UI",
                "Sold. İn passing, the UI", "Sold. ſide note the UI", "AUẞERDEM ERWÄHNT die UI")) {
            String capitals = text.chars().map(Character::toUpperCase)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            for (String form : List.of(text, capitals)) {
                assertTrue(!InPassing.markedRanges(form).isEmpty() && InPassing.mayHoldAMarker(form), form);
            }
        }
        assertEquals(List.of(), InPassing.ranges("Too expensive for what we used."));
    }

    private static List<String> remarks(String text) {
        return InPassing.ranges(text).stream().map(r -> text.substring(r[0], r[1])).toList();
    }
}
