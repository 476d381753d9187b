package io.lossreview.scheduler.packet.render;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** The one look of every packet chart: white, quiet grid, the same sans-serif sizes as the page. */
final class ChartStyle {

    static final Color INK = new Color(0x1F2937);
    static final Color MUTED = new Color(0x6B7280);
    static final Color GRID = new Color(0xE5E7EB);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** A month and, under January and the first month, its year. */
    private static final int MAX_LABEL_LINES = 2;

    private ChartStyle() {
    }

    /** Built without ChartFactory on purpose: its theme is a JVM-wide static, ours stays per chart. */
    static JFreeChart apply(JFreeChart chart, CategoryPlot plot) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 2, 2, 6));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            axis(plot.getRangeAxis(i));
        }
        axis(plot.getDomainAxis());
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setItemPaint(INK);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemLabelPadding(new RectangleInsets(2, 2, 2, 10));
        }
        return chart;
    }

    private static void axis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(MUTED);
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(MUTED);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarksVisible(false);
    }

    /** A category axis whose labels sit centred under their slot, on as many lines as they have. */
    static CategoryAxis categoryAxis(double categoryMargin) {
        CategoryAxis axis = new CategoryAxis();
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        axis.setCategoryMargin(categoryMargin);
        axis.setMaximumCategoryLabelLines(MAX_LABEL_LINES);
        CategoryLabelPosition bottom = new CategoryLabelPosition(RectangleAnchor.TOP, TextBlockAnchor.TOP_CENTER,
                CategoryLabelWidthType.RANGE, 1f);
        axis.setCategoryLabelPositions(
                CategoryLabelPositions.replaceBottomPosition(CategoryLabelPositions.STANDARD, bottom));
        return axis;
    }

    /** Axis ticks in compact money: $1.2M, $350K, €800. */
    static NumberFormat compactMoney(String currency) {
        return new CompactMoney(Formats.symbol(currency));
    }

    /** Axis ticks for a 0..100 percentage scale. */
    static NumberFormat percent() {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.US);
        f.setGroupingUsed(false);
        return new SuffixFormat(f, "%");
    }

    private static final class CompactMoney extends NumberFormat {
        private final String symbol;

        CompactMoney(String symbol) {
            this.symbol = symbol;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            return out.append(number < 0 ? Formats.MINUS : "").append(symbol).append(Formats.compact(Math.abs(number)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    private static final class SuffixFormat extends NumberFormat {
        private final NumberFormat inner;
        private final String suffix;

        SuffixFormat(NumberFormat inner, String suffix) {
            this.inner = inner;
            this.suffix = suffix;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            return inner.format(number, out, pos).append(suffix);
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return inner.format(number, out, pos).append(suffix);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }
}
