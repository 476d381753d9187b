package io.lossreview.scheduler.packet.render;

import io.lossreview.common.present.CauseColors;
import io.lossreview.scheduler.packet.model.CauseLine;
import io.lossreview.scheduler.packet.model.Packet;
import io.lossreview.scheduler.packet.model.Trend;
import org.junit.jupiter.api.Test;

import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Charts people can read, checked on the SVG's geometry: no two texts overlap, and every text is inside the
 * chart and inside whatever clips it: long cause labels, many causes and a bar far taller than the rest.
 */
class ChartGeometryTest {

    private static final String[] LONG = {"Competitor product quality", "Missing integrations with our data warehouse",
            "Price", "Support", "Onboarding never finished", "Ease of use", "No longer needed", "Failed payment",
            "Merger or acquisition", "Other", "Security review", "Performance", "Switched to a competitor",
            "Budget cuts"};

    @Test
    void theSamplesParetoReadsCleanly() throws Exception {
        Packet p = PacketSamples.full();
        assertReadable(ParetoChart.svg(p.causes(), CauseLegend.of(p), "USD").getValue(), p.causes());
    }

    @Test
    void longLabelsOnFewCausesWrapUnderTheirBars() throws Exception {
        List<CauseLine> causes = causes(3, 1_200_000, 900_000);
        String svg = assertReadable(pareto(causes), causes);
        List<SvgText> texts = SvgText.of(svg);
        assertTrue(texts.stream().anyMatch(t -> t.text().equals("Competitor")) || texts.stream()
                .anyMatch(t -> t.text().startsWith("Competitor product")), "the label is shown whole, wrapped");
        assertFalse(texts.stream().anyMatch(t -> t.text().endsWith("\u2026")), "three causes have room for whole labels");
    }

    @Test
    void manyCausesWithLongLabelsAndOneVeryTallBar() throws Exception {
        List<CauseLine> causes = causes(LONG.length, 9_000_000, 60_000);
        assertReadable(pareto(causes), causes);
    }

    @Test
    void manyCausesOfSimilarSizeKeepEveryValueApart() throws Exception {
        List<CauseLine> causes = causes(LONG.length, 1_234_567, 1_111_111);
        assertReadable(pareto(causes), causes);
    }

    @Test
    void aSingleCauseStillHasItsValueAboveItsBar() throws Exception {
        List<CauseLine> causes = causes(1, 4_812_300, 0);
        assertReadable(pareto(causes), causes);
    }

    @Test
    void theTrendHighlightsTheTopThreeAndItsTextsDoNotCollide() throws Exception {
        Packet p = PacketSamples.full();
        String svg = TrendChart.svg(p.trend(), CauseLegend.of(p), "USD").getValue();
        assertInside(svg);
        assertApart(SvgText.of(svg));
        List<Trend.Series> series = p.trend().series();
        for (int i = 0; i < series.size(); i++) {
            String colour = rgb(CauseColors.hex(series.get(i).cause()));
            assertEquals(i < TrendChart.HIGHLIGHTED, svg.contains("stroke:" + colour), series.get(i).cause()
                    + (i < TrendChart.HIGHLIGHTED ? " keeps its colour" : " is drawn in grey"));
        }
        assertTrue(svg.contains("stroke:rgb(196,200,207)"), "the others in light grey");
    }

    @Test
    void aTrendWithLongLabelsKeepsItsLegendApart() throws Exception {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 11; m >= 0; m--) {
            months.add(YearMonth.of(2026, 3).minusMonths(m));
        }
        List<Trend.Series> series = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            List<BigDecimal> arr = new ArrayList<>();
            List<Integer> customers = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                arr.add(BigDecimal.valueOf(100_000L * (c + 1) + m * 7_000L));
                customers.add(3);
            }
            series.add(new Trend.Series("C" + c, LONG[c], arr, customers));
        }
        Packet p = PacketSamples.empty();
        String svg = TrendChart.svg(new Trend(months, series), CauseLegend.of(p), "USD").getValue();
        assertInside(svg);
        assertApart(SvgText.of(svg));
    }

    /** Every text inside the chart and its clip, no two overlapping, every cause and every bar's value shown. */
    private static String assertReadable(String svg, List<CauseLine> causes) throws Exception {
        assertInside(svg);
        List<SvgText> texts = SvgText.of(svg);
        assertApart(texts);
        assertEquals(causes.size(), texts.stream().filter(SvgText::bold).count(), "one value label per bar");
        String all = String.join(" ", texts.stream().map(SvgText::text).toList());
        for (CauseLine c : causes) {
            assertTrue(all.contains(c.label().split(" ")[0]), "a label for " + c.label());
        }
        return svg;
    }

    private static void assertInside(String svg) throws Exception {
        Rectangle2D view = SvgText.viewBox(svg);
        for (SvgText t : SvgText.of(svg)) {
            assertTrue(view.contains(t.box()), "'" + t.text() + "' leaves the chart: " + t.box() + " outside " + view);
            if (t.clip() != null) {
                assertTrue(grown(t.clip()).contains(t.box()), "'" + t.text() + "' is clipped: " + t.box() + " by " + t.clip());
            }
        }
    }

    private static void assertApart(List<SvgText> texts) {
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                assertFalse(texts.get(i).overlaps(texts.get(j)), "'" + texts.get(i).text() + "' " + texts.get(i).box()
                        + " overlaps '" + texts.get(j).text() + "' " + texts.get(j).box());
            }
        }
    }

    /** Half a pixel of rounding either way. */
    private static Rectangle2D grown(Rectangle2D r) {
        return new Rectangle2D.Double(r.getX() - 0.5, r.getY() - 0.5, r.getWidth() + 1, r.getHeight() + 1);
    }

    private static String pareto(List<CauseLine> causes) {
        Packet p = PacketSamples.withCauses(PacketSamples.empty(), causes);
        return ParetoChart.svg(causes, CauseLegend.of(p), "USD").getValue();
    }

    /** {@code count} causes with LONG's labels: the first worth {@code first}, the others from {@code next} down. */
    private static List<CauseLine> causes(int count, long first, long next) {
        List<CauseLine> causes = new ArrayList<>();
        double cumulative = 0;
        double total = first + (count - 1) * (double) next;
        for (int i = 0; i < count; i++) {
            long arr = i == 0 ? first : Math.max(0, next - i * 1_000L);
            cumulative += arr / total;
            causes.add(new CauseLine(i + 1, "C" + i, LONG[i], 10, BigDecimal.valueOf(arr), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.valueOf(Math.min(1, cumulative)), null));
        }
        return causes;
    }

    private static String rgb(String hex) {
        java.awt.Color c = java.awt.Color.decode(hex);
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }
}
