package io.lossreview.scheduler.packet.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pareto chart's words, laid out by hand so that none overlaps another and none leaves the chart:
 * each cause's label under its bar, word-wrapped to its slot, or, when a word does not fit or the label
 * needs more than three lines, turned upright; each bar's value above it, upright too when it is wider
 * than its slot. JFreeChart's own category labels measure against the bar, not the slot, and its item
 * labels are clipped to the plot: the tallest bar's value was cut off.
 */
final class ParetoLabels {

    static final Font CATEGORY = ChartStyle.TICK;
    static final Font VALUE = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    static final int MAX_LINES = 3;
    /** Between the words of two neighbouring slots, and between a label and what it labels. */
    static final double GAP = 8;
    /** The longest upright line; a label longer than its lines ends in an ellipsis rather than squeezing the bars. */
    static final double MAX_UPRIGHT = 120;
    static final int MAX_UPRIGHT_LINES = 2;
    /** Measured as JFreeSVG measures what it draws: anti-aliased, fractional widths. */
    static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final List<List<String>> categoryLines;
    private final boolean uprightCategories;
    private final List<String> values;
    private final boolean uprightValues;

    private ParetoLabels(List<List<String>> categoryLines, boolean uprightCategories, List<String> values,
                         boolean uprightValues) {
        this.categoryLines = categoryLines;
        this.uprightCategories = uprightCategories;
        this.values = values;
        this.uprightValues = uprightValues;
    }

    /** @param pitch the distance between two neighbouring bars' centres: the room each label has */
    static ParetoLabels layout(List<String> labels, List<String> values, double pitch) {
        double room = pitch - GAP;
        List<List<String>> wrapped = new ArrayList<>();
        for (String label : labels) {
            List<String> lines = wrap(label, room);
            if (lines == null) {
                wrapped = null;
                break;
            }
            wrapped.add(lines);
        }
        boolean upright = wrapped == null;
        if (upright) {
            // Upright lines stand side by side in the slot: as many as its width holds, at most two.
            int columns = (int) Math.max(1, Math.min(MAX_UPRIGHT_LINES, Math.floor(room / lineHeight(CATEGORY))));
            wrapped = labels.stream().map(l -> uprightLines(l, columns)).toList();
        }
        boolean uprightValues = values.stream().anyMatch(v -> width(VALUE, v) > room);
        return new ParetoLabels(wrapped, upright, values, uprightValues);
    }

    /** The height the cause labels take under the plot, with the gaps around them. */
    double band() {
        if (uprightCategories) {
            return categoryLines.stream().flatMap(List::stream).mapToDouble(l -> width(CATEGORY, l)).max().orElse(0)
                    + 2 * GAP;
        }
        int lines = categoryLines.stream().mapToInt(List::size).max().orElse(1);
        return lines * lineHeight(CATEGORY) + 2 * GAP;
    }

    /** The room the tallest bar's value needs above it, inside the plot. */
    double headroom() {
        double extent = uprightValues ? values.stream().mapToDouble(v -> width(VALUE, v)).max().orElse(0)
                : lineHeight(VALUE);
        return extent + GAP;
    }

    /** @param top the plot's bottom edge: labels start a gap below it */
    void drawCategories(Graphics2D g, double[] centres, double top) {
        g.setFont(CATEGORY);
        g.setPaint(ChartStyle.MUTED);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < centres.length; i++) {
            List<String> lines = categoryLines.get(i);
            if (uprightCategories) {
                double step = lineHeight(CATEGORY);
                for (int line = 0; line < lines.size(); line++) {
                    // Side by side, first line leftmost; each reads upwards and ends a gap under the plot.
                    double column = centres[i] + (line - (lines.size() - 1) / 2.0) * step;
                    String text = lines.get(line);
                    upright(g, text, column + (fm.getAscent() - fm.getDescent()) / 2.0, top + GAP + width(CATEGORY, text));
                }
                continue;
            }
            for (int line = 0; line < lines.size(); line++) {
                String text = lines.get(line);
                g.drawString(text, (float) (centres[i] - width(CATEGORY, text) / 2),
                        (float) (top + GAP + fm.getAscent() + line * lineHeight(CATEGORY)));
            }
        }
    }

    /** @param barTops where each bar ends, top edge (the axis for a zero bar) */
    void drawValues(Graphics2D g, double[] centres, double[] barTops, double chartWidth) {
        g.setFont(VALUE);
        g.setPaint(ChartStyle.INK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < centres.length; i++) {
            String text = values.get(i);
            double w = width(VALUE, text);
            if (uprightValues) {
                upright(g, text, centres[i] + (fm.getAscent() - fm.getDescent()) / 2.0, barTops[i] - GAP / 2);
            } else {
                double x = Math.max(1, Math.min(chartWidth - 1 - w, centres[i] - w / 2));
                g.drawString(text, (float) x, (float) (barTops[i] - GAP / 2 - fm.getDescent()));
            }
        }
    }

    /** Reading upwards from (x, y): the text ends {@code width} above y, centred on x by the caller. */
    private static void upright(Graphics2D g, String text, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        g.drawString(text, (float) x, (float) y);
        g.setTransform(saved);
    }

    /** Word-wrapped to the room, at most {@link #MAX_LINES} lines; null when a word alone is wider than the room. */
    static List<String> wrap(String label, double room) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : label.strip().split("\\s+")) {
            if (width(CATEGORY, word) > room) {
                return null;
            }
            String longer = line.isEmpty() ? word : line + " " + word;
            if (width(CATEGORY, longer) <= room) {
                line = longer;
            } else {
                lines.add(line);
                line = word;
            }
        }
        lines.add(line);
        return lines.size() <= MAX_LINES ? lines : null;
    }

    /** Wrapped to {@link #MAX_UPRIGHT} on at most {@code columns} lines, the last cut with an ellipsis if need be. */
    private static List<String> uprightLines(String label, int columns) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : label.strip().split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (width(CATEGORY, longer) <= MAX_UPRIGHT || line.isEmpty()) {
                line = longer;
            } else if (lines.size() + 1 < columns) {
                lines.add(line);
                line = word;
            } else {
                line = longer; // the rest goes on the last line, cut below
            }
        }
        lines.add(line);
        return lines.stream().map(l -> fit(l, MAX_UPRIGHT)).toList();
    }

    /** The text, or as much of it as fits {@code room} followed by an ellipsis. */
    static String fit(String text, double room) {
        if (width(CATEGORY, text) <= room) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(CATEGORY, cut.strip() + "\u2026") > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "\u2026";
    }

    static double width(Font font, String text) {
        return font.getStringBounds(text, MEASURE).getWidth();
    }

    static double lineHeight(Font font) {
        LineMetrics m = font.getLineMetrics("Xg", MEASURE);
        return Math.ceil(m.getAscent() + m.getDescent() + m.getLeading());
    }
}
