package io.lossreview.scheduler.packet.render;

import io.quarkus.qute.RawString;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;

/**
 * Draws a JFreeChart into an inline SVG element. Next to the stylesheet, charts are the only markup the
 * templates output unescaped; JFreeSVG escapes the text it draws (cause labels), the placeholder escapes
 * its message here.
 */
final class ChartSvg {

    static final int WIDTH = 640;
    static final int HEIGHT = 290;
    private static final int PLACEHOLDER_HEIGHT = 70;

    /** What a chart draws itself after JFreeChart, knowing where the plot and its items fell. */
    interface Overlay {
        void draw(Graphics2D g, ChartRenderingInfo info);
    }

    private ChartSvg() {
    }

    /**
     * @param id element id, also the prefix of every id inside (clip paths, gradients), so two charts in
     *           one page never clash and equal charts give equal bytes (JFreeSVG's default prefix is
     *           time-based).
     */
    static RawString render(JFreeChart chart, String id) {
        return render(chart, id, HEIGHT, null);
    }

    /** @param overlay drawn over the chart, outside the plot's clip (labels that must never be cut); may be null */
    static RawString render(JFreeChart chart, String id, int height, Overlay overlay) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        g.setDefsKeyPrefix(id + "-");
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle(0, 0, WIDTH, height), info);
        if (overlay != null) {
            g.setClip(null);
            overlay.draw(g, info);
        }
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
        return new RawString(withIntegerSize(svg, height));
    }

    /** Lays the chart out without keeping the drawing: where its plot falls at this size. */
    static Rectangle2D plotArea(JFreeChart chart, int height) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle(0, 0, WIDTH, height), info);
        return info.getPlotInfo().getDataArea();
    }

    /** A small box with a message instead of a chart without data. */
    static RawString placeholder(String id, String message) {
        String text = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String svg = "<svg id='" + id + "' class='chart-placeholder' xmlns='http://www.w3.org/2000/svg'"
                + " viewBox='0 0 " + WIDTH + " " + PLACEHOLDER_HEIGHT + "'>"
                + "<rect x='1' y='1' width='" + (WIDTH - 2) + "' height='" + (PLACEHOLDER_HEIGHT - 2) + "' rx='6'"
                + " fill='#F5F6F8' stroke='#D5D9E0' stroke-dasharray='4 3'/>"
                + "<text x='" + WIDTH / 2 + "' y='" + (PLACEHOLDER_HEIGHT / 2 + 5) + "' text-anchor='middle'"
                + " font-family='sans-serif' font-size='15' fill='#6B7280'>" + text + "</text></svg>";
        return new RawString(withIntegerSize(svg, PLACEHOLDER_HEIGHT));
    }

    /**
     * openhtmltopdf only accepts integer width/height attributes on inline SVG (JFreeSVG writes "640.0"),
     * and a browser scales the viewBox down to the column width through CSS.
     */
    private static String withIntegerSize(String svg, int height) {
        return svg.replaceFirst("<svg ", "<svg width='" + WIDTH + "' height='" + height + "' ");
    }
}
