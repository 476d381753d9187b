package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.Packet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentences on top of page 1, pinned for the hand-made March 2026 of {@link PacketSamples}. */
class NarrativeTest {

    @Test
    void aMonthInSixSentences() {
        Packet march = PacketSamples.full();
        assertEquals(List.of(
                // 412 lost; the base: 398 of 16,950 at the start = 2.35% → 2.3%; +38 customers and +12.4% ARR vs February
                "In March 2026 we lost 412 customers (2.3% of the 16,950 at the start of the month) and $4,812,300 of ARR:"
                        + " 38 more customers than in February, with 12.4% more ARR.",
                // Price / budget ranks first: 1,480,200 / 4,812,300 = 30.76%; its first story is Globex's
                "Price / budget cost the most: $1,480,200 of ARR from 118 customers (30.8% of the ARR lost). In the words of"
                        + " Globex Corporation: \u201CWe loved the product, but when finance cut every tool over $100k, yours was"
                        + " the easiest to cut.\u201D",
                "Emerging or growing: Switched to a competitor (74) and No SSO on the Team plan (11).",
                // February's 12 calls: 7 reached, 3 causes corrected, Vertex Labs (144,000) and Acme Retail (96,000) back
                "Of last month's 12 executive calls, 7 reached the customer, and 3 corrected the cause we had; 2 customers"
                        + " came back ($240,000 of ARR).",
                "1 action item is overdue: \u201CShip SCIM provisioning\u201D, owned by Marcus Lee (CPO).",
                // 13 calls, one of them moved to another executive; Northwind's and Globex's are done
                "This month 4 executives call 12 departing customers; 2 of the calls are done."),
                Narrative.of(march, CauseLegend.of(march)));
    }

    @Test
    void aMonthWithoutLossesSaysSoAndNothingElse() {
        Packet empty = PacketSamples.empty();
        assertEquals(List.of("No customer was lost in March 2026."), Narrative.of(empty, CauseLegend.of(empty)));
    }

    @Test
    void aLongQuoteIsCutAtAWord() {
        String cut = Narrative.quote("word ".repeat(60));
        assertTrue(cut.length() <= Narrative.QUOTE_CHARS + 1 && cut.endsWith("word\u2026"), cut);
    }
}
