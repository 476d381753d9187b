package io.lossreview.scheduler.packet.render;

import io.lossreview.common.present.CauseColors;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.render.PacketRenderer.PaperSize;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cause keeps its color whatever its rank: in the packets of two months, and as the dashboard draws it. */
class CauseColorTest {

    private static final PacketRenderer RENDERER = new PacketRenderer();

    @Test
    void aCauseHasTheSameColorInThePacketsOfTwoMonthsWhateverItsRank() {
        Packet march = PacketSamples.full();
        Packet april = nextMonthRankedTheOtherWay(march);
        assertNotEquals(rankOf(march, "PRICE"), rankOf(april, "PRICE"), "the test needs Price ranked differently");
        String marchHtml = RENDERER.html(march);
        String aprilHtml = RENDERER.html(april);
        for (CauseLine c : march.causes()) {
            String expected = CauseColors.hex(c.cause());
            assertEquals(expected, swatch(marchHtml, c.label()), c.cause() + " in March");
            assertEquals(expected, swatch(aprilHtml, c.label()), c.cause() + " in April");
        }
        // The same colors reach the PDFs: they are drawn from this HTML.
        assertTrue(RENDERER.pdf(march, PaperSize.A4).length > 10_000 && RENDERER.pdf(april, PaperSize.A4).length > 10_000);
    }

    @Test
    void everyDefaultCauseHasItsOwnColor() {
        List<String> causes = List.of("PRICE", "COMPETITOR", "PRODUCT_QUALITY", "MISSING_FEATURES", "SUPPORT", "EASE_OF_USE",
                "NO_LONGER_NEEDED", "INVOLUNTARY", "OTHER");
        assertEquals(causes.size(), causes.stream().map(CauseColors::hex).distinct().count());
        assertEquals(CauseColors.hex("SSO_MISSING"), CauseColors.hex("SSO_MISSING"), "a later taxonomy's cause keeps its color too");
    }

    private static Packet nextMonthRankedTheOtherWay(Packet p) {
        List<CauseLine> reversed = new ArrayList<>();
        List<CauseLine> causes = p.causes();
        for (int i = causes.size() - 1; i >= 0; i--) {
            CauseLine c = causes.get(i);
            reversed.add(new CauseLine(reversed.size() + 1, c.cause(), c.label(), c.customers(), c.arrLost(), c.shareOfValue(),
                    c.shareOfVolume(), c.cumulativeShare(), c.vsPriorMonth()));
        }
        Packet withCauses = PacketSamples.withCauses(p, reversed);
        return new Packet(p.month().plusMonths(1), 1, p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(),
                withCauses.causes(), p.emerging(), p.trend(), p.bySegment(), p.byRegion(), p.notableLosses(), p.stories(),
                p.lastMonthCalls(), p.actions(), p.assignments(), p.changes());
    }

    private static int rankOf(Packet p, String cause) {
        return p.causes().stream().filter(c -> c.cause().equals(cause)).findFirst().orElseThrow().rank();
    }

    /** The color of the swatch just before the cause's label in the causes table. */
    private static String swatch(String html, String label) {
        Matcher m = Pattern.compile("background-color: (#[0-9A-Fa-f]{6})\"></span>(?:<b>)?" + Pattern.quote(escape(label)) + "(?:</b>)?</td>")
                .matcher(html);
        assertTrue(m.find(), "no swatch for " + label);
        return m.group(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
