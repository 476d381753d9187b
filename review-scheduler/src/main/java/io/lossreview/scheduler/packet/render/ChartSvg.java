package io.lossreview.scheduler.packet.render;

import io.quarkus.qute.RawString;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Rectangle;

/**
 * Draws a JFreeChart into an inline SVG element. Next to the stylesheet, charts are the only markup the
 * templates output unescaped; JFreeSVG escapes the text it draws (cause labels), the placeholder escapes
 * its message here.
 */
final class ChartSvg {

    static final int WIDTH = 640;
    static final int HEIGHT = 290;
    private static final int PLACEHOLDER_HEIGHT = 70;

    private ChartSvg() {
    }

    /**
     * @param id element id, also the prefix of every id inside (clip paths, gradients), so two charts in
     *           one page never clash and equal charts give equal bytes (JFreeSVG's default prefix is
     *           time-based).
     */
    static RawString render(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        return new RawString(withIntegerSize(svg, HEIGHT));
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
