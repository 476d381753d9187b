package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Trend;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartSvgTest {

    private final Packet packet = PacketSamples.full();
    private final CauseLegend legend = CauseLegend.of(packet);

    @Test
    void paretoIsWellFormedSvgWithEveryCauseAndTheCauseColors() throws Exception {
        String svg = ParetoChart.svg(packet.causes(), legend, "USD").getValue();
        Document doc = PacketHtmlTest.parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("640", doc.getDocumentElement().getAttribute("width"), "integer size for openhtmltopdf");
        String text = texts(doc);
        for (CauseLine c : packet.causes()) {
            for (String word : c.label().split(" ")) {
                assertTrue(text.contains(word), "label word " + word + " of " + c.label());
            }
        }
        assertTrue(text.contains("$1.5M"), "bar labels in compact money");
        assertTrue(text.contains("100%"), "cumulative share axis");
        assertTrue(svg.contains("rgb(78,121,167)"), "the top cause's color");
        assertFalse(svg.contains("compet..."), "labels wrapped, not truncated");
    }

    @Test
    void trendIsWellFormedSvgWithALegendEntryPerCause() throws Exception {
        String svg = TrendChart.svg(packet.trend(), legend, "USD").getValue();
        String text = texts(PacketHtmlTest.parse(svg));
        for (Trend.Series s : packet.trend().series()) {
            assertTrue(text.contains(s.label()), s.label());
        }
        assertTrue(text.contains("Apr") && text.contains("2025") && text.contains("2026"), "month axis");
        assertTrue(svg.contains("rgb(78,121,167)"), "same color for the top cause as in the Pareto");
    }

    @Test
    void idsArePrefixedSoChartsAreDeterministicAndDoNotClash() throws Exception {
        String pareto = ParetoChart.svg(packet.causes(), legend, "USD").getValue();
        assertEquals(pareto, ParetoChart.svg(PacketSamples.full().causes(), legend, "USD").getValue());
        for (String id : ids(PacketHtmlTest.parse(pareto))) {
            assertTrue(id.startsWith(ParetoChart.ID), id);
        }
        String trend = TrendChart.svg(packet.trend(), legend, "USD").getValue();
        for (String id : ids(PacketHtmlTest.parse(trend))) {
            assertTrue(id.startsWith(TrendChart.ID), id);
        }
    }

    @Test
    void emptyDataGivesAPlaceholderInsteadOfAnEmptyChart() throws Exception {
        String pareto = ParetoChart.svg(List.of(), legend, "USD").getValue();
        assertTrue(texts(PacketHtmlTest.parse(pareto)).contains("No losses this month"));
        assertTrue(pareto.contains("chart-placeholder"));
        String trend = TrendChart.svg(null, legend, "USD").getValue();
        assertTrue(texts(PacketHtmlTest.parse(trend)).contains("No losses in the last 12 months"));
        String noSeries = TrendChart.svg(PacketSamples.empty().trend(), legend, "USD").getValue();
        assertTrue(noSeries.contains("chart-placeholder"));
    }

    @Test
    void placeholderEscapesItsMessage() throws Exception {
        String svg = ChartSvg.placeholder("x", "a < b & c").getValue();
        assertTrue(texts(PacketHtmlTest.parse(svg)).contains("a < b & c"));
    }

    @Test
    void causeLabelsAreEscapedInsideTheSvg() throws Exception {
        CauseLine hostile = new CauseLine(1, "RND", "R&D <tools>", 3, PacketSamples.money(9_000),
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null);
        Packet withHostile = PacketSamples.withCauses(packet, List.of(hostile));
        String svg = ParetoChart.svg(withHostile.causes(), CauseLegend.of(withHostile), "USD").getValue();
        assertFalse(svg.contains("<tools>"));
        assertTrue(texts(PacketHtmlTest.parse(svg)).contains("R&D <tools>"));
    }

    @Test
    void labelsWrapOnWordsToTheirRoomWithinThreeLines() {
        assertEquals(List.of("Switched to a competitor"), ParetoLabels.wrap("Switched to a competitor", 500));
        double room = ParetoLabels.width(ParetoLabels.CATEGORY, "competitor") + 2;
        List<String> lines = ParetoLabels.wrap("Switched to a competitor", room);
        assertEquals("Switched to a competitor", String.join(" ", lines), "every word kept, in order");
        assertTrue(lines.size() > 1 && lines.size() <= ParetoLabels.MAX_LINES, lines.toString());
        for (String line : lines) {
            assertTrue(ParetoLabels.width(ParetoLabels.CATEGORY, line) <= room, line);
        }
        assertEquals(null, ParetoLabels.wrap("Incomprehensibilities", 40), "a word wider than the room: turn it upright");
        assertEquals(null, ParetoLabels.wrap("one two three four five six seven", 30), "more than three lines: upright");
        String fitted = ParetoLabels.fit("Competitor product quality and a lot more besides", 100);
        assertTrue(fitted.endsWith("\u2026") && ParetoLabels.width(ParetoLabels.CATEGORY, fitted) <= 100, fitted);
    }

    @Test
    void compactMoneyTicks() {
        assertEquals("$1.5M", ChartStyle.compactMoney("USD").format(1_480_200));
        assertEquals("\u20AC250K", ChartStyle.compactMoney("EUR").format(250_000));
        assertEquals("CHF 800", ChartStyle.compactMoney("CHF").format(800));
        assertEquals("$1M", ChartStyle.compactMoney("USD").format(1_000_000));
    }

    private static String texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            all.append(nodes.item(i).getTextContent()).append('\n');
        }
        return all.toString();
    }

    private static List<String> ids(Document doc) {
        List<String> ids = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void theTrendStartsAtTheFirstMonthWithLosses() {
        List<YearMonth> months = List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3));
        Trend trend = new Trend(months, List.of(
                new Trend.Series("PRICE", "Price", List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN), List.of(0, 0, 1))));
        assertEquals(2, TrendChart.firstMonthWithLosses(trend), "January and February are before the data, no zeros");
    }
}
