package io.lossreview.scheduler.packet.render;

import io.lossreview.scheduler.packet.model.CauseLine;
import io.quarkus.qute.RawString;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Section 2's Pareto chart: bars = ARR lost per cause (ranked), line = cumulative share of ARR lost. The
 * causes' labels and the bars' values are drawn by {@link ParetoLabels}, after the plot is laid out: the
 * chart grows taller for upright labels, and the money axis leaves room above the tallest bar for its value.
 */
final class ParetoChart {

    static final String ID = "pareto-chart";
    static final String EMPTY = "No losses this month";
    /** The room under the plot the chart's usual height is made for; more makes the chart taller. */
    private static final double USUAL_BAND = 56;

    private ParetoChart() {
    }

    static RawString svg(List<CauseLine> causes, CauseLegend legend, String currency) {
        boolean anyValue = causes.stream().anyMatch(c -> c.arrLost() != null && c.arrLost().signum() > 0);
        if (!anyValue) {
            return ChartSvg.placeholder(ID, EMPTY);
        }
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        List<Paint> barColors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double tallest = 0;
        for (CauseLine c : causes) {
            String key = uniqueKey(legend.label(c.cause()), c.cause(), seen);
            bars.addValue(orZero(c.arrLost()), "ARR lost", key);
            cumulative.addValue(orZero(c.cumulativeShare()).movePointRight(2), "Cumulative share", key);
            barColors.add(legend.color(c.cause()));
            labels.add(key);
            values.add(Formats.compactMoney(orZero(c.arrLost()), currency));
            tallest = Math.max(tallest, orZero(c.arrLost()).doubleValue());
        }
        CategoryPlot plot = new CategoryPlot();
        CategoryAxis causeAxis = ChartStyle.categoryAxis(0.3);
        causeAxis.setTickLabelsVisible(false); // ParetoLabels draws them
        plot.setDomainAxis(causeAxis);
        plot.setDataset(0, bars);
        plot.setRenderer(0, barRenderer(barColors));
        NumberAxis money = moneyAxis(currency);
        plot.setRangeAxis(0, money);
        plot.setDataset(1, cumulative);
        plot.setRenderer(1, lineRenderer());
        plot.setRangeAxis(1, shareAxis());
        plot.mapDatasetToRangeAxis(1, 1);
        // The line is drawn over the bars.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false), plot);

        // Lay out once to learn each label's room, then make room for the labels and the tallest bar's value.
        plot.setFixedDomainAxisSpace(below(USUAL_BAND));
        Rectangle2D area = ChartSvg.plotArea(chart, ChartSvg.HEIGHT);
        double[] centres = centres(causeAxis, labels.size(), area);
        double pitch = centres.length > 1 ? centres[1] - centres[0] : area.getWidth();
        ParetoLabels text = ParetoLabels.layout(labels, values, pitch);
        int height = (int) Math.ceil(ChartSvg.HEIGHT + Math.max(0, text.band() - USUAL_BAND));
        plot.setFixedDomainAxisSpace(below(text.band()));
        double plotHeight = ChartSvg.plotArea(chart, height).getHeight();
        money.setRange(0, tallest * plotHeight / Math.max(1, plotHeight - text.headroom()));

        return ChartSvg.render(chart, ID, height, (g, info) -> {
            Rectangle2D data = info.getPlotInfo().getDataArea();
            double[] at = centres(causeAxis, labels.size(), data);
            double[] tops = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                tops[i] = money.valueToJava2D(bars.getValue(0, i).doubleValue(), data, RectangleEdge.LEFT);
            }
            text.drawCategories(g, at, data.getMaxY());
            text.drawValues(g, at, tops, ChartSvg.WIDTH);
        });
    }

    private static double[] centres(CategoryAxis axis, int count, Rectangle2D area) {
        double[] centres = new double[count];
        for (int i = 0; i < count; i++) {
            centres[i] = axis.getCategoryMiddle(i, count, area, RectangleEdge.BOTTOM);
        }
        return centres;
    }

    private static AxisSpace below(double height) {
        AxisSpace space = new AxisSpace();
        space.setBottom(height);
        return space;
    }

    private static String uniqueKey(String label, String cause, Set<String> seen) {
        String key = seen.contains(label) ? label + " (" + cause + ")" : label;
        seen.add(key);
        return key;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BarRenderer barRenderer(List<Paint> colors) {
        // One color per cause (the packet-wide legend), not one per series.
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return colors.get(column);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.14);
        return renderer;
    }

    private static LineAndShapeRenderer lineRenderer() {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.INK);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        return renderer;
    }

    private static NumberAxis moneyAxis(String currency) {
        NumberAxis axis = new NumberAxis("ARR lost");
        axis.setNumberFormatOverride(ChartStyle.compactMoney(currency));
        return axis;
    }

    private static NumberAxis shareAxis() {
        NumberAxis axis = new NumberAxis("Cumulative share");
        // A little headroom so the 100% point is not cut in half by the plot edge.
        axis.setRange(0, 104);
        axis.setTickUnit(new NumberTickUnit(25));
        axis.setNumberFormatOverride(ChartStyle.percent());
        return axis;
    }
}
