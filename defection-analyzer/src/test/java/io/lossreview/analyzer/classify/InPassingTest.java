package io.lossreview.analyzer.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

    private static List<String> remarks(String text) {
        return InPassing.ranges(text).stream().map(r -> text.substring(r[0], r[1])).toList();
    }
}
