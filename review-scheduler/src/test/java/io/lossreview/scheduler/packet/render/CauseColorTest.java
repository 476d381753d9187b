package io.lossreview.scheduler.packet.render;

import io.lossreview.common.present.CauseColors;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Trend;
import io.lossreview.scheduler.packet.render.PacketRenderer.PaperSize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cause keeps its color whatever its rank: in the tables, charts and PDFs of two months whose rankings differ, and
 * as the dashboard draws it.
 */
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
        for (Packet month : List.of(march, april)) {
            // The Pareto's bars, left to right, are the month's causes in its order, each in its own colour.
            assertEquals(month.causes().stream().map(c -> CauseColors.hex(c.cause())).toList(), barColours(RENDERER.html(month)),
                    "bars of " + month.month());
            // The trend keeps the colours of its three costliest causes, whichever they are this month.
            String trend = TrendChart.svg(month.trend(), CauseLegend.of(month), "USD").getValue();
            for (int i = 0; i < TrendChart.HIGHLIGHTED; i++) {
                String cause = month.trend().series().get(i).cause();
                assertTrue(trend.contains("stroke:" + rgb(CauseColors.hex(cause))), cause + " in the trend of " + month.month());
            }
        }
    }

    @Test
    void thePdfsOfBothMonthsPaintEveryCauseInItsColour() throws IOException {
        Packet march = PacketSamples.full();
        Packet april = nextMonthRankedTheOtherWay(march);
        for (Packet month : List.of(march, april)) {
            Set<String> painted = fillColours(RENDERER.pdf(month, PaperSize.A4));
            for (CauseLine c : month.causes()) {
                assertTrue(painted.contains(CauseColors.hex(c.cause()).toUpperCase()), c.cause() + " in the PDF of " + month.month()
                        + ": " + painted);
            }
        }
    }

    /** The fill colours of the Pareto's bars (its non-white rectangles), left to right. */
    private static List<String> barColours(String html) {
        String svg = html.substring(html.indexOf("id='pareto-chart'"), html.indexOf("</svg>", html.indexOf("id='pareto-chart'")));
        Matcher bar = Pattern.compile("<rect x='([0-9.]+)'[^>]*style='fill:rgb\\((\\d+),(\\d+),(\\d+)\\)'").matcher(svg);
        java.util.TreeMap<Double, String> byX = new java.util.TreeMap<>();
        while (bar.find()) {
            String hex = String.format("#%02X%02X%02X", Integer.parseInt(bar.group(2)), Integer.parseInt(bar.group(3)),
                    Integer.parseInt(bar.group(4)));
            if (!hex.equals("#FFFFFF")) {
                byX.put(Double.parseDouble(bar.group(1)), hex);
            }
        }
        return List.copyOf(byX.values());
    }

    /** Every colour the PDF fills with (rg), on its pages and in the forms they draw (the charts), as #RRGGBB. */
    private static Set<String> fillColours(byte[] bytes) throws IOException {
        Set<String> colours = new TreeSet<>();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            for (PDPage page : pdf.getPages()) {
                collect(page.getContentStreams(), page.getResources(), colours);
            }
        }
        return colours;
    }

    private static void collect(java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams, PDResources resources,
                                Set<String> colours) throws IOException {
        while (streams.hasNext()) {
            collect(streams.next().toByteArray(), resources, colours);
        }
    }

    private static void collect(byte[] content, PDResources resources, Set<String> colours) throws IOException {
        List<Object> tokens = new PDFStreamParser(content).parse();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Operator op && op.getName().equals("rg") && i >= 3) {
                colours.add(String.format("#%02X%02X%02X", channel(tokens.get(i - 3)), channel(tokens.get(i - 2)),
                        channel(tokens.get(i - 1))));
            }
        }
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collect(form.getContentStream().toByteArray(), form.getResources(), colours);
            }
        }
    }

    private static int channel(Object token) {
        return (int) Math.round(((COSNumber) token).floatValue() * 255);
    }

    private static String rgb(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
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
        List<Trend.Series> series = new ArrayList<>(p.trend().series());
        java.util.Collections.reverse(series);
        return new Packet(p.month().plusMonths(1), 1, p.builtAt(), p.taxonomyVersion(), p.reportingCurrency(), p.summary(),
                withCauses.causes(), p.emerging(), new Trend(p.trend().months(), series), p.bySegment(), p.byRegion(),
                p.notableLosses(), p.stories(),
                p.lastMonthCalls(), p.actions(), p.assignments(), p.changes(), p.narrative());
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
